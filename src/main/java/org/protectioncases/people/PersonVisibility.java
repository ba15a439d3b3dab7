package org.protectioncases.people;

import org.jspecify.annotations.Nullable;

/**
 * Which people a partner may see, written once for every module that selects people in SQL
 * (people search, shelter residents, reports): a current record (not merged into another) that
 * the partner registered or that was shared with it through {@code person_access}. UNHCR managers
 * ({@code partnerScope == null}) see every current record. The partner is bound as
 * {@code :partner}; the fragments keep the shape the list and report plans were tuned for
 * ({@code docs/list-query-plans.md}), so moving here changed no plan. The database enforces the
 * same rule again with row-level security ({@code db-changelog/people/2026-12-02-20-person-row-security.sql});
 * {@code RowLevelSecurityIT} checks that the two give the same people.
 */
public final class PersonVisibility {

    private PersonVisibility() {
    }

    /** {@code alias} is a current record (not merged into another person). */
    public static String current(String alias) {
        return alias + ".merged_into_id is null";
    }

    /** {@code alias} is registered by, or shared with, the partner bound as {@code :partner}. */
    public static String partnerMaySee(String alias) {
        return "(" + ownedBy(alias) + " or exists (select 1 from person_access a"
                + " where a.person_id = " + alias + ".id and a.partner_id = :partner))";
    }

    /**
     * {@code alias} is owned by the partner bound as {@code :partner}: registered by it. Narrower than
     * {@link #partnerMaySee}: what a partner answers for (retention, erasure, subject access) is what it
     * registered, not what another partner shared with it.
     */
    public static String ownedBy(String alias) {
        return alias + ".registered_by_partner = :partner";
    }

    /** The whole rule for person row {@code alias}: current, and within the scope unless the scope is every partner. */
    public static String visible(String alias, @Nullable Long partnerScope) {
        return partnerScope == null ? current(alias) : current(alias) + " and " + partnerMaySee(alias);
    }
}
