package org.protectioncases.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Case transfers in SQL; the person label is joined so the receiving coordinator can decide. */
@Repository
class TransferRepository {

    private static final String SELECT = """
            select t.*, c.case_no, c.case_type, p.registration_no || ' ' || p.given_name || ' ' || p.family_name as person_label
            from case_transfer t join protection_case c on c.id = t.case_id join person p on p.id = c.principal_person_id""";

    private final JdbcClient jdbc;

    TransferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long request(long caseId, long from, long to, String reason, long consentId, String by) {
        return jdbc.sql("""
                        insert into case_transfer (case_id, from_partner, to_partner, reason, consent_id, status, requested_by)
                        values (:c, :f, :t, :r, :consent, 'PENDING', :b) returning id""")
                .param("c", caseId).param("f", from).param("t", to).param("r", reason).param("consent", consentId).param("b", by)
                .query(Long.class).single();
    }

    Optional<TransferDto> find(long id) {
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(TransferRepository::row).optional();
    }

    List<TransferDto> forCase(long caseId) {
        return jdbc.sql(SELECT + " where t.case_id = :c order by t.requested_at desc").param("c", caseId).query(TransferRepository::row).list();
    }

    List<TransferDto> pendingTo(long partnerId) {
        return jdbc.sql(SELECT + " where t.to_partner = :p and t.status = 'PENDING' order by t.requested_at")
                .param("p", partnerId).query(TransferRepository::row).list();
    }

    boolean hasPending(long caseId) {
        return jdbc.sql("select exists (select 1 from case_transfer where case_id = :c and status = 'PENDING')")
                .param("c", caseId).query(Boolean.class).single();
    }

    void decide(long id, boolean accepted, String by, @Nullable String note) {
        jdbc.sql("update case_transfer set status = :s, decided_by = :b, decided_at = now(), decision_note = :n where id = :id")
                .param("s", accepted ? "ACCEPTED" : "DECLINED").param("b", by).param("n", note).param("id", id).update();
    }

    /** Whether a case for the person was transferred to the partner and accepted (what entitles it to see the person). */
    boolean acceptedTransferOfPersonTo(long personId, long partnerId) {
        return jdbc.sql("""
                        select exists (select 1 from case_transfer t join protection_case c on c.id = t.case_id
                                       where c.principal_person_id = :p and t.to_partner = :partner and t.status = 'ACCEPTED')""")
                .param("p", personId).param("partner", partnerId).query(Boolean.class).single();
    }

    /** When this partner handed the case away (its read access ends there), if it did. */
    Optional<Instant> handedAwayAt(long caseId, long partnerId) {
        return jdbc.sql("""
                        select max(decided_at) from case_transfer
                        where case_id = :c and from_partner = :p and status = 'ACCEPTED'""")
                .param("c", caseId).param("p", partnerId)
                .query((rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).optional();
    }

    private static TransferDto row(ResultSet rs, int i) throws SQLException {
        return new TransferDto(rs.getLong("id"), rs.getLong("case_id"), rs.getString("case_no"), CaseType.valueOf(rs.getString("case_type")),
                rs.getString("person_label"), rs.getLong("from_partner"), rs.getLong("to_partner"), rs.getString("reason"),
                rs.getString("status"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getString("decided_by"), rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
                rs.getString("decision_note"));
    }
}
