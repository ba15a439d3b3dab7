package org.protectioncases.security;

import org.protectioncases.shared.db.DatabaseOwner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;

/** Replaces Boot's JpaTransactionManager with the one that scopes every transaction for row-level security. */
@Configuration(proxyBeanMethods = false)
class RowSecurityConfig {

    @Bean
    JpaTransactionManager transactionManager(ObjectProvider<TransactionManagerCustomizers> customizers, CurrentUser currentUser,
                                             DatabaseOwner owner) {
        RowSecurityTransactionManager transactions = new RowSecurityTransactionManager(currentUser, new ScopeSignature(owner));
        customizers.ifAvailable(c -> c.customize(transactions));
        return transactions;
    }
}
