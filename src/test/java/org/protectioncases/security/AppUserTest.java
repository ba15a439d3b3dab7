package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.protectioncases.shared.Role;

class AppUserTest {

    private static AppUser user(Role role, Long partnerId) {
        return new AppUser(1, "u", "U", role, partnerId, partnerId == null ? null : "P", "en", true, false, null);
    }

    @Test
    void partnerStaffReadTheirOwnPartner() {
        assertThat(user(Role.PARTNER_LAWYER, 7L).partnerScope()).isEqualTo(7L);
        assertThat(user(Role.PARTNER_COORDINATOR, 7L).partnerScope()).isEqualTo(7L);
        assertThat(user(Role.PROTECTION_MONITOR, 7L).partnerScope()).isEqualTo(7L);
    }

    @Test
    void managersReadEveryPartnerEvenWithAHomePartner() {
        assertThat(user(Role.UNHCR_MANAGER, null).partnerScope()).isNull();
        assertThat(user(Role.UNHCR_MANAGER, 7L).partnerScope()).isNull();
    }

    @Test
    void anAccountWithoutPartnerHasNoScopeRatherThanEveryPartner() {
        assertThatThrownBy(() -> user(Role.ADMIN, null).partnerScope()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> user(Role.PARTNER_LAWYER, null).partnerScope()).isInstanceOf(IllegalStateException.class);
    }
}
