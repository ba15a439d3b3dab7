package org.protectioncases.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Injects a {@code JdbcClient} or {@code JdbcTemplate} that runs as the tables' owner, for test fixtures
 * that read or write tables directly, past row-level security (the app's own ones log in as the login
 * role and see no row of those tables outside a scoped transaction). Registered by {@link TestDatabaseInitializer}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Qualifier
public @interface OwnerDatabase {
}
