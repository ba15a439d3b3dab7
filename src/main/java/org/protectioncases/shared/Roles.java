package org.protectioncases.shared;

/**
 * Role names as compile-time constants, for the views' {@code @RolesAllowed} lists (which must
 * match {@link Permission}, checked by {@code PermissionMatrixTest}) and URL rules. Services use
 * {@code @Allowed(Permission.X)}, not role names.
 */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String UNHCR_MANAGER = "UNHCR_MANAGER";
    public static final String PARTNER_COORDINATOR = "PARTNER_COORDINATOR";
    public static final String PARTNER_LAWYER = "PARTNER_LAWYER";
    public static final String PROTECTION_MONITOR = "PROTECTION_MONITOR";

    private Roles() {
    }
}
