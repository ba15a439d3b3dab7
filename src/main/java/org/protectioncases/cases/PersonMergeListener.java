package org.protectioncases.cases;

import org.protectioncases.people.PersonsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Moves cases of a merged person to the kept record, in the merge's own transaction. */
@Component
class PersonMergeListener {

    private final JdbcClient jdbc;

    PersonMergeListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PersonsMerged event) {
        jdbc.sql("update protection_case set principal_person_id = :k, updated_at = now(), version = version + 1 where principal_person_id = :m")
                .param("k", event.keptId()).param("m", event.mergedId()).update();
        jdbc.sql("update case_member set person_id = :k where person_id = :m"
                        + " and not exists (select 1 from case_member x where x.case_id = case_member.case_id and x.person_id = :k)")
                .param("k", event.keptId()).param("m", event.mergedId()).update();
        jdbc.sql("update referral set person_id = :k, updated_at = now(), version = version + 1 where person_id = :m")
                .param("k", event.keptId()).param("m", event.mergedId()).update();
    }
}
