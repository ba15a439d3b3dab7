package org.protectioncases.security;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which roles must pass a second factor: an administrator's choice per role (table
 * {@code second_factor_policy}), else {@code app.security.mfa.required-roles}. Kept in memory
 * because method security asks on every service call; changed only through
 * {@link SecondFactorService#setRequired}. (One application instance; a second one would see a
 * change at its next start.)
 */
@Component
class SecondFactorPolicy {

    private final Set<Role> defaults;
    private final SecondFactorPolicyRepository entries;
    private final TransactionTemplate readOnly;
    private volatile @Nullable Map<Role, Boolean> chosen;

    SecondFactorPolicy(@Value("${app.security.mfa.required-roles:ADMIN,UNHCR_MANAGER}") String requiredRoles,
                       SecondFactorPolicyRepository entries, PlatformTransactionManager transactions) {
        this.defaults = Arrays.stream(requiredRoles.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        this.entries = entries;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    boolean requiredFor(Role role) {
        Boolean choice = chosen().get(role);
        return choice != null ? choice : defaults.contains(role);
    }

    /** Every role and whether it must pass a second factor now. */
    Map<Role, Boolean> all() {
        Map<Role, Boolean> all = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            all.put(role, requiredFor(role));
        }
        return all;
    }

    /**
     * True when this sign-in must still pass a second factor before it may do anything: a person
     * who signed in with a password (or single sign-on), whose role requires one or who has enrolled
     * one, and who has not passed it yet in this session.
     */
    boolean missing(Authentication authentication) {
        return AppUser.of(authentication.getPrincipal()) instanceof AppUser user
                && SecondFactors.interactive(authentication)
                && (user.secondFactorEnrolled() || requiredFor(user.role()))
                && !SecondFactors.passed(authentication);
    }

    /** Forgets the cached choices; called after a change is committed. */
    void reload() {
        chosen = null;
    }

    private Map<Role, Boolean> chosen() {
        Map<Role, Boolean> c = chosen;
        if (c == null) {
            Map<Role, Boolean> loaded = new EnumMap<>(Role.class);
            readOnly.executeWithoutResult(s -> entries.findAll().forEach(e -> loaded.put(e.role(), e.required())));
            c = loaded;
            chosen = c;
        }
        return c;
    }
}
