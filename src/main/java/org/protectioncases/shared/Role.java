package org.protectioncases.shared;

/**
 * The five roles of the product. ADMIN runs the system (users, partners, reference data) but never
 * sees case data; every other role belongs to exactly one partner organisation.
 */
public enum Role {
    ADMIN,
    UNHCR_MANAGER,
    PARTNER_COORDINATOR,
    PARTNER_LAWYER,
    PROTECTION_MONITOR;

    /** The Spring Security authority name, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean needsPartner() {
        return this != ADMIN;
    }

    /** Message bundle key of the role's display name. */
    public String messageKey() {
        return "role." + name();
    }
}
