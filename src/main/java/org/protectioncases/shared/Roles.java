package org.protectioncases.shared;

/** Role names as compile-time constants, for {@code @RolesAllowed} and {@code @PreAuthorize}. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String UNHCR_MANAGER = "UNHCR_MANAGER";
    public static final String PARTNER_COORDINATOR = "PARTNER_COORDINATOR";
    public static final String PARTNER_LAWYER = "PARTNER_LAWYER";
    public static final String PROTECTION_MONITOR = "PROTECTION_MONITOR";

    private Roles() {
    }
}
