package org.protectioncases.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Connections as the tables' owner, for the work that must not run as the app's login role:
 * Liquibase's migrations, backups (they copy every table, past row-level security) and loaders of
 * bulk data. Plain connections, not pooled, without the pool's {@code statement_timeout}: each is
 * opened for one piece of work and closed after it. Services never use it: their SQL runs in the
 * transactions of {@code RowSecurityTransactionManager}, on the pool.
 *
 * @param separate whether the owner is another role than the pool's login; false when an external
 *                 database was given one user only (the pool then logs in as the owner, see README)
 */
public record DatabaseOwner(String url, String username, String password, boolean separate) {

    /** A data source that opens a new owner connection on every call. */
    public DataSource dataSource() {
        DriverManagerDataSource ds = new DriverManagerDataSource(url, username, password);
        ds.setDriverClassName("org.postgresql.Driver");
        return ds;
    }

    public Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    @Override
    public String toString() {
        return "DatabaseOwner[" + username + " at " + url + ", separate=" + separate + "]";
    }
}
