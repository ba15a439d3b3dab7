package org.protectioncases.shared.validation;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts, per thread, the connections taken from the app's DataSource and the statements prepared
 * on them (Hibernate and JdbcClient alike), by wrapping the DataSource bean: a JDBC-level proof
 * that a refused call reached no database at all.
 */
final class JdbcCounter implements BeanPostProcessor {

    private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[2]);
    private static final Set<String> STATEMENT_FACTORIES = Set.of("prepareStatement", "createStatement", "prepareCall");

    static void reset() {
        COUNTS.get()[0] = 0;
        COUNTS.get()[1] = 0;
    }

    static long connections() {
        return COUNTS.get()[0];
    }

    static long statements() {
        return COUNTS.get()[1];
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())) {
            return wrap(ds);
        }
        return bean;
    }

    private static DataSource wrap(DataSource target) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof Connection c) {
                COUNTS.get()[0]++;
                return connection(c);
            }
            return result;
        };
        return (DataSource) Proxy.newProxyInstance(JdbcCounter.class.getClassLoader(), new Class<?>[] {DataSource.class}, handler);
    }

    private static Connection connection(Connection target) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (STATEMENT_FACTORIES.contains(method.getName())) {
                COUNTS.get()[1]++;
            }
            return invoke(target, method, args);
        };
        return (Connection) Proxy.newProxyInstance(JdbcCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
