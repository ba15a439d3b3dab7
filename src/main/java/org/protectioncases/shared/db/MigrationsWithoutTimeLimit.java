package org.protectioncases.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Liquibase migrations create and change tables, so they run as the tables' owner
 * ({@link DatabaseOwner}), never as the pool's login role; and they build indexes and rewrite
 * tables, which may take minutes on a large database, so they must not get the pool's interactive
 * {@code statement_timeout}. They run on a connection of their own, opened as the owner without the
 * pool's {@code options}, and closed afterwards.
 */
@Configuration(proxyBeanMethods = false)
class MigrationsWithoutTimeLimit {

    private static final Logger log = LoggerFactory.getLogger(MigrationsWithoutTimeLimit.class);

    @Bean
    static BeanPostProcessor liquibaseAsOwnerWithoutStatementTimeout(ObjectProvider<DatabaseOwner> owner) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
                    DatabaseOwner tables = owner.getIfAvailable();
                    liquibase.setDataSource(tables != null ? tables.dataSource() : withoutTimeLimit(liquibase.getDataSource()));
                }
                return bean;
            }
        };
    }

    static DataSource withoutTimeLimit(DataSource pooled) {
        HikariDataSource pool;
        try {
            pool = pooled.unwrap(HikariDataSource.class);
        } catch (SQLException | RuntimeException notHikari) {
            log.warn("Liquibase runs on a {} that is not Hikari: its migrations keep the pool's statement_timeout", pooled.getClass().getName());
            return pooled;
        }
        if (pool.getJdbcUrl() == null) {
            return pooled;
        }
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        properties.remove("options");
        DriverManagerDataSource direct = new DriverManagerDataSource(pool.getJdbcUrl(), properties);
        direct.setUsername(pool.getUsername());
        direct.setPassword(pool.getPassword());
        if (pool.getDriverClassName() != null) {
            direct.setDriverClassName(pool.getDriverClassName());
        }
        return direct;
    }
}
