package org.protectioncases.people;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Set-based SQL for {@link PersonAnonymisationService}: a batch of hundreds of people is a handful of statements. */
@Repository
class PersonAnonymisationRepository {

    private final JdbcClient jdbc;

    PersonAnonymisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Of these people and those merged into them, the ids not anonymised yet, locked for update, in id order. */
    List<Long> lockNotAnonymised(List<Long> personIds) {
        // Two index lookups (by id, by merged_into_id), not one OR that would scan every person.
        return jdbc.sql("select id from person where anonymised_at is null and id in ("
                        + "select id from person where id = any(cast(:ids as bigint[]))"
                        + " union select id from person where merged_into_id = any(cast(:ids as bigint[]))) order by id for update")
                .param("ids", personIds.toArray(Long[]::new)).query(Long.class).list();
    }

    List<String> searchNames(List<Long> ids) {
        return jdbc.sql("select distinct search_name from person where id = any(cast(:ids as bigint[]))")
                .param("ids", ids.toArray(Long[]::new)).query(String.class).list();
    }

    /** Removes names and contact details; the registration number becomes {@code tokenPrefix} and a random token. */
    void anonymise(List<Long> ids, String name, String tokenPrefix) {
        // A random token, not a hash: registration numbers are few and sequential, a hash of one
        // would be reversed by trying them all.
        jdbc.sql("""
                        update person set given_name = :name, family_name = '', father_name = null, other_names = null,
                            place_of_birth = null, languages = null, phone = null, address = null,
                            registration_no = :prefix || upper(substr(md5(gen_random_uuid()::text), 1, 14)),
                            anonymised_at = now(), updated_at = now(), version = version + 1
                        where id = any(cast(:ids as bigint[]))""")
                .param("name", name).param("prefix", tokenPrefix).param("ids", ids.toArray(Long[]::new)).update();
    }

    /** Takes these names out of the name dictionary where no person is called so any more. */
    void deleteUnusedNames(List<String> searchNames) {
        jdbc.sql("delete from person_name n where n.search_name = any(cast(:names as text[]))"
                        + " and not exists (select 1 from person p where p.search_name = n.search_name)")
                .param("names", searchNames.toArray(String[]::new)).update();
    }

    /** The free-text notes on the people's specific needs and consents, and their "not a duplicate" decisions. */
    void clearNotesAndDecisions(List<Long> ids) {
        Long[] array = ids.toArray(Long[]::new);
        jdbc.sql("update specific_need set note = null, updated_at = now(), version = version + 1"
                + " where person_id = any(cast(:ids as bigint[])) and note is not null").param("ids", array).update();
        jdbc.sql("update consent set note = null, updated_at = now(), version = version + 1"
                + " where person_id = any(cast(:ids as bigint[])) and note is not null").param("ids", array).update();
        jdbc.sql("delete from person_not_duplicate where person_id = any(cast(:ids as bigint[])) or other_id = any(cast(:ids as bigint[]))")
                .param("ids", array).update();
    }

    boolean isAnonymised(long personId) {
        return jdbc.sql("select anonymised_at is not null from person where id = :id").param("id", personId)
                .query(Boolean.class).optional().orElse(false);
    }
}
