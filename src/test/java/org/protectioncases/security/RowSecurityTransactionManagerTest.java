package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.Role;

/** Which database role a transaction runs as: the policies are written per role (RowLevelSecurityIT proves them). */
class RowSecurityTransactionManagerTest {

    private static AppUser user(long id, String username, Role role, @Nullable Long partner) {
        return new AppUser(id, username, username, role, partner, null, "en", true, false, null);
    }

    @Test
    void eachKindOfUserGetsItsRoleAndNobodyElseGetsAnyRows() {
        assertThat(RowSecurityTransactionManager.databaseRole(user(5, "lawyer", Role.PARTNER_LAWYER, 2L))).isEqualTo("pc_partner");
        assertThat(RowSecurityTransactionManager.databaseRole(user(6, "coordinator", Role.PARTNER_COORDINATOR, 2L))).isEqualTo("pc_partner");
        assertThat(RowSecurityTransactionManager.databaseRole(user(7, "monitor", Role.PROTECTION_MONITOR, 3L))).isEqualTo("pc_partner");
        assertThat(RowSecurityTransactionManager.databaseRole(user(8, "manager", Role.UNHCR_MANAGER, 4L))).isEqualTo("pc_manager");
        // Start-up work's principal (SystemAccess.runAsAdmin) reads all; the ADMIN account and no user read nothing.
        assertThat(RowSecurityTransactionManager.databaseRole(user(0, "system", Role.ADMIN, null))).isEqualTo("pc_system");
        assertThat(RowSecurityTransactionManager.databaseRole(user(1, "admin", Role.ADMIN, null))).isEqualTo("pc_app");
        assertThat(RowSecurityTransactionManager.databaseRole(null)).isEqualTo("pc_app");
        // Partner staff without a partner (the database forbids it) would see nothing rather than everything.
        assertThat(RowSecurityTransactionManager.databaseRole(user(9, "odd", Role.PARTNER_LAWYER, null))).isEqualTo("pc_app");
    }
}
