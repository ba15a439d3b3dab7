package org.protectioncases.people;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.ui.PersonLabels;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Irreversible anonymisation of people (issue #16), used by retention and by erasure on request.
 * Removed: names, father's name, other spellings (and dictionary names nobody uses any more),
 * place of birth, languages, phone, address, notes on needs and consents, "not a duplicate"
 * decisions, and the details of the person's audit entries; the registration number becomes a
 * random token. Kept, because statistics count them: sex, the birth date (age groups are the age on
 * any as-of date, so only the exact date keeps every breakdown identical), community,
 * municipality, citizenship, groups, returns, documents held, needs (codes), consents (scopes and
 * dates), households. Other modules clear their own records on {@link PersonsAnonymised}.
 * Set-based SQL so a batch of hundreds of people is a handful of statements.
 */
@Service
public class PersonAnonymisationService {

    /** What an anonymised person is called in every list (a grid never shows an empty name). */
    public static final String ANONYMISED_NAME = PersonLabels.ANONYMISED;
    /** Registration numbers of anonymised people start with this (registered ones with "KOS-"). */
    public static final String TOKEN_PREFIX = "ANON-";
    /** The largest batch one call takes; callers split larger runs into short transactions. */
    public static final int MAX_BATCH = 5000;

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    PersonAnonymisationService(JdbcClient jdbc, AuditService audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Anonymises the people (and the duplicates merged into them) that are not anonymised yet, in
     * the caller's transaction or one of its own. Returns the ids anonymised. Callers decide who
     * is due and check legal holds; row-level security must let the caller write every partner's
     * rows (the system principal), or restricted notes would survive.
     *
     * @param basis why, for the audit trail (e.g. "retention INACTIVE_PERSON", "erasure request 12"); no personal data
     */
    @Allowed(Permission.ANONYMISE_PEOPLE)
    @Transactional
    public List<Long> anonymise(@Size(max = MAX_BATCH) List<Long> personIds, AuditMessage basis) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        Long[] requested = personIds.toArray(Long[]::new);
        // Two index lookups (by id, by merged_into_id), not one OR that would scan every person.
        List<Long> ids = jdbc.sql("select id from person where anonymised_at is null and id in ("
                        + "select id from person where id = any(cast(:ids as bigint[]))"
                        + " union select id from person where merged_into_id = any(cast(:ids as bigint[]))) order by id for update")
                .param("ids", requested).query(Long.class).list();
        if (ids.isEmpty()) {
            return ids;
        }
        Long[] array = ids.toArray(Long[]::new);
        List<String> oldNames = jdbc.sql("select distinct search_name from person where id = any(cast(:ids as bigint[]))")
                .param("ids", array).query(String.class).list();
        // A random token, not a hash: registration numbers are few and sequential, a hash of one
        // would be reversed by trying them all.
        jdbc.sql("""
                        update person set given_name = :name, family_name = '', father_name = null, other_names = null,
                            place_of_birth = null, languages = null, phone = null, address = null,
                            registration_no = :prefix || upper(substr(md5(gen_random_uuid()::text), 1, 14)),
                            anonymised_at = now(), updated_at = now(), version = version + 1
                        where id = any(cast(:ids as bigint[]))""")
                .param("name", ANONYMISED_NAME).param("prefix", TOKEN_PREFIX).param("ids", array).update();
        jdbc.sql("delete from person_name n where n.search_name = any(cast(:names as text[]))"
                        + " and not exists (select 1 from person p where p.search_name = n.search_name)")
                .param("names", oldNames.toArray(String[]::new)).update();
        jdbc.sql("update specific_need set note = null, updated_at = now(), version = version + 1"
                + " where person_id = any(cast(:ids as bigint[])) and note is not null").param("ids", array).update();
        jdbc.sql("update consent set note = null, updated_at = now(), version = version + 1"
                + " where person_id = any(cast(:ids as bigint[])) and note is not null").param("ids", array).update();
        jdbc.sql("delete from person_not_duplicate where person_id = any(cast(:ids as bigint[])) or other_id = any(cast(:ids as bigint[]))")
                .param("ids", array).update();
        audit.scrubDetails("person", ids);
        events.publishEvent(new PersonsAnonymised(List.copyOf(ids)));
        audit.recordEach("PERSON_ANONYMISED", "person", ids, basis);
        return ids;
    }

    /** Whether the person was anonymised (for views that must not offer edits). */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public boolean isAnonymised(long personId) {
        return jdbc.sql("select anonymised_at is not null from person where id = :id").param("id", personId)
                .query(Boolean.class).optional().orElse(false);
    }
}
