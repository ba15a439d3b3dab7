package org.protectioncases.security;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.sql.PreparedStatement;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.db.ConnectionGate;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The app's transaction manager: every transaction it begins switches to a database role that owns
 * no table and cannot bypass row-level security, chosen by the signed-in user's role:
 * {@value #PARTNER_ROLE} for partner staff, {@value #MANAGER_ROLE} for UNHCR managers,
 * {@value #SYSTEM_ROLE} for start-up work run through {@link SystemAccess}, and {@value #NO_ROLE}
 * (which no policy names: no rows) for ADMIN and for no user at all. It also names the user's role
 * and partner for the policies ({@code app.role}, {@code app.partner_id}), and signs the three
 * ({@code app.scope_sig}, {@link ScopeSignature}): the policies read them only when the signature
 * matches, so SQL injected into the transaction cannot widen its scope. All four are
 * {@code set_config(..., true)}: they end with the transaction, so a pooled connection never carries
 * one user's scope into the next. Policies are per database role, so PostgreSQL plans a manager's
 * query with no per-row check. Statements outside a transaction run as the pool's login role
 * ({@code shared.db.LoginRole}), which reads no row of a table with row-level security.
 */
class RowSecurityTransactionManager extends JpaTransactionManager {

    static final String NO_ROLE = "pc_app";
    static final String PARTNER_ROLE = "pc_partner";
    static final String MANAGER_ROLE = "pc_manager";
    static final String SYSTEM_ROLE = "pc_system";
    static final String SYSTEM = "SYSTEM";
    private static final String SCOPE = "select set_config('role', ?, true), set_config('app.role', ?, true),"
            + " set_config('app.partner_id', ?, true), set_config('app.scope_sig', ?, true)";

    private final CurrentUser currentUser;
    private final ScopeSignature signature;
    private final @Nullable ConnectionGate gate;

    /** @param gate the first-come-first-served queue for connections (null: wait in the pool only) */
    RowSecurityTransactionManager(CurrentUser currentUser, ScopeSignature signature, @Nullable ConnectionGate gate) {
        this.currentUser = currentUser;
        this.signature = signature;
        this.gate = gate;
    }

    /** The queue for connections, null when switched off ({@code app.db.fair-connection-queue=false}). */
    @Nullable ConnectionGate gate() {
        return gate;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        if (gate == null) {
            begin(transaction, definition);
            return;
        }
        gate.enter();
        boolean begun = false;
        try {
            begin(transaction, definition);
            begun = true;
        } finally {
            if (!begun) {
                gate.leave(); // Spring does not clean up after a begin that failed
            }
        }
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        try {
            super.doCleanupAfterCompletion(transaction);
        } finally {
            if (gate != null) {
                gate.leave();
            }
        }
    }

    private void begin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        AppUser user = currentUser.get().orElse(null);
        String role = user == null ? "" : SystemAccess.isSystem(user) ? SYSTEM : user.role().name();
        String partner = user == null || user.partnerId() == null ? "" : String.valueOf(user.partnerId());
        String databaseRole = databaseRole(user);
        EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager.getResource(obtainEntityManagerFactory());
        EntityManager em = holder == null ? null : holder.getEntityManager();
        try {
            if (em == null) {
                throw new IllegalStateException("No entity manager bound after the transaction began");
            }
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement ps = connection.prepareStatement(SCOPE)) {
                    ps.setString(1, databaseRole);
                    ps.setString(2, role);
                    ps.setString(3, partner);
                    ps.setString(4, signature.sign(databaseRole, role, partner));
                    ps.executeQuery().close();
                }
            });
        } catch (RuntimeException e) {
            // The transaction has begun: end it and give the connection back before reporting.
            try {
                if (em != null) {
                    EntityTransaction tx = em.getTransaction();
                    if (tx.isActive()) {
                        tx.rollback();
                    }
                }
            } finally {
                super.doCleanupAfterCompletion(transaction); // the gate's permit is given back by doBegin
            }
            throw new CannotCreateTransactionException("Could not set the row-level security scope of the transaction", e);
        }
    }

    /** The database role of a transaction begun for {@code user}: the policies are written per role. */
    static String databaseRole(@Nullable AppUser user) {
        if (user == null) {
            return NO_ROLE;
        }
        if (SystemAccess.isSystem(user)) {
            return SYSTEM_ROLE;
        }
        return switch (user.role()) {
            case UNHCR_MANAGER -> MANAGER_ROLE;
            case PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR -> user.partnerId() == null ? NO_ROLE : PARTNER_ROLE;
            case ADMIN -> NO_ROLE;
        };
    }
}
