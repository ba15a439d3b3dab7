package org.protectioncases.support;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What service tests share: running a piece of work as a user of some role and partner (by the
 * partner's code, as the demo data names them) or as a real account. Extend it from a
 * {@code @SpringBootTest} class; the fields are injected into the test instance.
 */
public abstract class ActingUsers {

    @Autowired
    protected SystemAccess system;
    @Autowired
    protected PartnerService partners;

    /** The id of the partner with this code (CRPK, AT, KRCT, UNHCR). */
    protected long partner(String code) {
        return system.runAsAdmin(() -> partners.findByCode(code).orElseThrow().id());
    }

    /** {@code work} as a user of {@code role} at the partner with this code (null: no partner, e.g. ADMIN). */
    protected <T> T as(Role role, @Nullable String partnerCode, Supplier<T> work) {
        return system.runAs(role, partnerCode == null ? null : partner(partnerCode), work);
    }

    /** {@code work} as a user of {@code role} at the partner with this id (one the test made itself). */
    protected <T> T as(Role role, long partnerId, Supplier<T> work) {
        return system.runAs(role, partnerId, work);
    }

    /** {@code work} as the real account {@code username} (its role, partner and name). */
    protected <T> T as(String username, Supplier<T> work) {
        return system.runAsAccount(username, work);
    }
}
