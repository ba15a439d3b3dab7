package org.protectioncases.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.db.DatabaseOwner;

/**
 * Signs a transaction's row-level security scope (its database role, {@code app.role} and
 * {@code app.partner_id}) with HMAC-SHA-256, as {@code pc_scope_signed()} checks it in PostgreSQL
 * ({@code db-changelog/security/2026-12-05-01-signed-scope.sql}). The key lives in a table only the
 * tables' owner may read; it is read once, on the first transaction, over an owner connection. SQL
 * injected into a transaction can change the settings but not sign them, so the policies then
 * match no row.
 */
class ScopeSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private final DatabaseOwner owner;
    private volatile @Nullable SecretKeySpec key;

    ScopeSignature(DatabaseOwner owner) {
        this.owner = owner;
    }

    /** The signature of this scope: lower-case hex of HMAC-SHA-256 over "databaseRole|role|partner". */
    String sign(String databaseRole, String role, String partner) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            byte[] digest = mac.doFinal((databaseRole + "|" + role + "|" + partner).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    k = new SecretKeySpec(read(), ALGORITHM);
                    key = k;
                }
            }
        }
        return k;
    }

    private byte[] read() {
        try (Connection c = owner.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select key from pc_secret.scope_key where id = 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("pc_secret.scope_key holds no key: has the signed-scope changeset run?");
            }
            return rs.getBytes(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the row-level security scope key as the tables' owner", e);
        }
    }
}
