package org.protectioncases.security;

import javax.sql.DataSource;
import org.protectioncases.shared.db.ConnectionGate;
import org.protectioncases.shared.db.DatabaseOwner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;

/** Replaces Boot's JpaTransactionManager with the one that scopes every transaction for row-level security. */
@Configuration(proxyBeanMethods = false)
class RowSecurityConfig {

    @Bean
    JpaTransactionManager transactionManager(ObjectProvider<TransactionManagerCustomizers> customizers, CurrentUser currentUser,
                                             DatabaseOwner owner, DataSource dataSource,
                                             @Value("${app.db.fair-connection-queue:true}") boolean fairQueue) {
        // Connections in the order transactions ask for them (shared.db.ConnectionGate, issue #17).
        ConnectionGate gate = fairQueue ? ConnectionGate.forPool(dataSource) : null;
        RowSecurityTransactionManager transactions = new RowSecurityTransactionManager(currentUser, new ScopeSignature(owner), gate);
        customizers.ifAvailable(c -> c.customize(transactions));
        return transactions;
    }
}
