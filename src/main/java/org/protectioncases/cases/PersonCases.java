package org.protectioncases.cases;

import java.time.LocalDate;
import java.util.List;
import org.protectioncases.people.PersonWork;
import org.protectioncases.people.PersonWorkSource;
import org.protectioncases.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person page's case list: the cases of the user's partner (all partners' for UNHCR managers)
 * in which the person is the principal or a member, open ones first. People lists them without
 * knowing the cases module ({@link PersonWorkSource}).
 */
@Component
class PersonCases implements PersonWorkSource {

    /** More than any person has; the full list is one link away (the case list filtered by person). */
    static final int LIMIT = 50;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    PersonCases(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    @Override
    public List<PersonWork> workFor(long personId) {
        Long scope = CaseAccess.scope(currentUser.require());
        return jdbc.sql("""
                        select c.id, c.case_no, c.case_type, c.status, c.next_action_date, c.assigned_to
                        from protection_case c
                        where (c.principal_person_id = :p
                               or exists (select 1 from case_member m where m.case_id = c.id and m.person_id = :p))
                          and (cast(:scope as bigint) is null or c.owning_partner = :scope)
                        order by (c.status = 'CLOSED'), c.opened_on desc, c.id desc
                        limit :limit""")
                .param("p", personId).param("scope", scope).param("limit", LIMIT)
                .query((rs, i) -> {
                    CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
                    return new PersonWork(rs.getString("case_no"), CaseType.valueOf(rs.getString("case_type")).messageKey(),
                            status.messageKey(), status != CaseStatus.CLOSED, rs.getObject("next_action_date", LocalDate.class),
                            rs.getString("assigned_to"), "cases/" + rs.getLong("id"));
                })
                .list();
    }
}
