package org.protectioncases.shared.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The database role the app's connection pool logs in as: {@value #NAME}. It is no superuser, may
 * create no database or role, bypasses no row-level policy and owns nothing; it holds {@code pc_app}'s
 * table rights (so with no role set it reads no row of a table with row-level security) and may
 * switch to {@code pc_partner}, {@code pc_manager} and {@code pc_system} without inheriting their
 * rights (grants in {@code db-changelog/security/2026-12-02-50-login-role.sql}). The tables' owner
 * runs the migrations, backups and loaders on connections of its own ({@link DatabaseOwner}).
 */
public final class LoginRole {

    public static final String NAME = "pc_login";
    /** Whatever an older cluster gave it, a login role has these attributes and no others. */
    static final String ATTRIBUTES = "login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit";

    private LoginRole() {
    }

    /**
     * Creates the login role if the cluster lacks it, resets its attributes and sets its password; run by a
     * superuser (the embedded server at every start, the tests' own server). The password is hashed by the
     * driver (SCRAM-SHA-256): it never reaches the server or its log in plain text.
     */
    public static void ensure(Connection superuser, String password) throws SQLException {
        try (Statement s = superuser.createStatement()) {
            boolean exists;
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + NAME + "'")) {
                exists = rs.next();
            }
            s.execute((exists ? "alter role " : "create role ") + NAME + " " + ATTRIBUTES);
        }
        superuser.unwrap(PGConnection.class).alterUserPassword(NAME, password.toCharArray(), "scram-sha-256");
    }
}
