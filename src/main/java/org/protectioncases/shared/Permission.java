package org.protectioncases.shared;

import static org.protectioncases.shared.Role.ADMIN;
import static org.protectioncases.shared.Role.PARTNER_COORDINATOR;
import static org.protectioncases.shared.Role.PARTNER_LAWYER;
import static org.protectioncases.shared.Role.PROTECTION_MONITOR;
import static org.protectioncases.shared.Role.UNHCR_MANAGER;

import java.util.List;

/**
 * What a user may do, and which roles may do it: the one place the role rules live. Services say
 * {@code @Allowed(Permission.X)}, views ask {@code Access.may(Permission.X)}, and each view's
 * {@code @RolesAllowed} list is checked against {@link #roles()} by {@code PermissionMatrixTest}.
 * Partner scope and record rules (own cases, own visits) stay in the services; this is the role part.
 */
public enum Permission {
    ADMINISTER(ADMIN),
    /** Reset another user's second factor, choose which roles must have one. */
    ADMINISTER_SECOND_FACTORS(ADMIN),
    /**
     * Enrol an authenticator and type its code at sign-in: the one thing a sign-in that still owes
     * its second factor may do.
     */
    PASS_SECOND_FACTOR(ADMIN, UNHCR_MANAGER, PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR),
    /** New recovery codes for one's own account (after the second factor). */
    MANAGE_OWN_SECOND_FACTOR(ADMIN, UNHCR_MANAGER, PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR),
    /** Backups on demand and their status (the scheduled backup runs as the system). */
    RUN_BACKUPS(ADMIN),
    MANAGE_API_TOKENS(UNHCR_MANAGER),
    /** Reads every partner's records (no partner scope); the services apply the scope itself. */
    READ_ACROSS_PARTNERS(UNHCR_MANAGER),

    READ_PEOPLE(UNHCR_MANAGER, PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR),
    EDIT_PEOPLE(PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR),
    FIND_DUPLICATES(PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR, UNHCR_MANAGER),
    SHARE_PERSON(PARTNER_COORDINATOR),
    MERGE_PEOPLE(UNHCR_MANAGER),
    /** Bulk import of people from spreadsheets, for the coordinator's own partner. */
    IMPORT_RECORDS(PARTNER_COORDINATOR),
    /** Who opened a record: the person, case, visit and session access logs. */
    READ_ACCESS_LOG(UNHCR_MANAGER, PARTNER_COORDINATOR),

    READ_CASES(UNHCR_MANAGER, PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR),
    WORK_ON_CASES(PARTNER_COORDINATOR, PARTNER_LAWYER),
    /** Caseload, assignment and incoming transfers of the partner's cases. */
    COORDINATE_CASES(PARTNER_COORDINATOR),
    LIST_CASEWORKERS(PARTNER_COORDINATOR),
    REFER_FROM_VISITS(PARTNER_COORDINATOR, PROTECTION_MONITOR),
    EXPORT_CASES(UNHCR_MANAGER, PARTNER_COORDINATOR, PARTNER_LAWYER),

    READ_SESSIONS(UNHCR_MANAGER, PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR),
    LOG_SESSIONS(PARTNER_COORDINATOR, PARTNER_LAWYER),

    READ_VISITS(UNHCR_MANAGER, PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR),
    RECORD_VISITS(PARTNER_COORDINATOR, PROTECTION_MONITOR),
    /** The signed-in user's own follow-ups (cases, sessions, visits). */
    WORK_FOLLOW_UPS(PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR),
    LIST_COLLEAGUES(PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR),

    USE_ATTACHMENTS(UNHCR_MANAGER, PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR),

    READ_SHELTERS(UNHCR_MANAGER, PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR),
    EDIT_SHELTER_REGISTRY(UNHCR_MANAGER, PARTNER_COORDINATOR, PROTECTION_MONITOR),
    RECORD_RESIDENCE(PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR),

    READ_ACTIVITY(UNHCR_MANAGER, PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR),
    READ_FACTSHEET(UNHCR_MANAGER, PARTNER_COORDINATOR),
    /** Figures reported by others (e.g. governments) that the factsheet quotes. */
    RECORD_REPORTED_FIGURES(UNHCR_MANAGER),

    /** Clear a possible conflict of interest found on a case (legal module), with a reason. */
    CLEAR_CONFLICTS(PARTNER_COORDINATOR),
    /** Fill a document (power of attorney, request, appeal) from a case the user may change (legal module). */
    GENERATE_DOCUMENTS(PARTNER_COORDINATOR, PARTNER_LAWYER),
    /** Upload the partner's own versions of the document templates (letterhead) and set its address for documents. */
    MANAGE_DOCUMENT_TEMPLATES(PARTNER_COORDINATOR),
    /** The "N days from service of decision X" rules that propose deadlines. */
    MANAGE_DEADLINE_RULES(ADMIN),
    /**
     * Anonymise people irreversibly: the retention job (the system principal, role ADMIN, which
     * row-level security lets write every row) and a UNHCR manager confirming an erasure request.
     */
    ANONYMISE_PEOPLE(ADMIN, UNHCR_MANAGER),
    /** Retention rules and legal holds, and the dry run across partners. */
    MANAGE_RETENTION(UNHCR_MANAGER),
    /** The dry run of the partner's own records that the next retention run would anonymise. */
    REVIEW_RETENTION(UNHCR_MANAGER, PARTNER_COORDINATOR),
    /** Ask for a person's erasure (first of two people). */
    REQUEST_ERASURE(PARTNER_COORDINATOR),
    /** Produce a person's complete record (subject access) for the partner's own people. */
    EXPORT_SUBJECT_DATA(PARTNER_COORDINATOR),
    /** Confirm or reject another user's erasure request (second of two people). */
    CONFIRM_ERASURE(UNHCR_MANAGER);

    private final List<Role> roles;

    Permission(Role... roles) {
        this.roles = List.of(roles);
    }

    /** The roles granted this permission, in the order they are listed above. */
    public List<Role> roles() {
        return roles;
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
