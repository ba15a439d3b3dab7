package org.protectioncases.shared;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.PriorityOrdered;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.NoRollbackRuleAttribute;

/**
 * Makes {@link RecordNotFoundException} a commit rule of every {@code @Transactional} method, so a
 * refused read keeps the access-log row written in its own transaction (no second connection, see
 * {@code AuditService.recordAccess}). A default rule, not {@code noRollbackFor} on each method:
 * an inner method that participates in a caller's transaction would otherwise mark it rollback-only.
 */
@Configuration(proxyBeanMethods = false)
class NotFoundCommits {

    // PriorityOrdered (visible in the return type, which Spring reads before creating the bean):
    // registered before the auto-proxy creator asks for the transaction advisor, so the rule is in
    // place before any method's transaction attribute is computed and cached.
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Rule recordNotFoundCommitsRule() {
        return new Rule();
    }

    static final class Rule implements BeanPostProcessor, PriorityOrdered {

        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean instanceof AnnotationTransactionAttributeSource source) {
                source.addDefaultRollbackRule(new NoRollbackRuleAttribute(RecordNotFoundException.class));
            }
            return bean;
        }

        @Override
        public int getOrder() {
            return PriorityOrdered.HIGHEST_PRECEDENCE;
        }
    }
}
