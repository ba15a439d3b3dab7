package org.protectioncases.dataprotection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.people.PersonVisibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What is due, in SQL over the other modules' tables (read-only, like reports), and this module's
 * own tables (rules, holds, requests, what was cleared). Callers run it as the system principal so
 * row-level security hides no activity from the question "is anything recent?".
 */
@Repository
class RetentionRepository {

    private static final String NOT_HELD = " and not exists (select 1 from legal_hold h where h.person_id = %s and h.released_at is null)";

    /**
     * People due under INACTIVE_PERSON: not anonymised, not a merged pointer, not held, registered
     * and last edited before the cut-off, with no case open or closed since, and no session,
     * visit, return, group start or end, or shelter stay since.
     */
    private static final String DUE_PEOPLE = " from person p where p.anonymised_at is null and p.merged_into_id is null"
            + " and p.registered_on < :cutoff and p.updated_at < :cutoffTs"
            + " and (cast(:partner as bigint) is null or " + PersonVisibility.ownedBy("p") + ")"
            + " and not exists (select 1 from protection_case c where c.principal_person_id = p.id"
            + "   and (c.closed_on is null or c.closed_on >= :cutoff or c.updated_at >= :cutoffTs))"
            + " and not exists (select 1 from case_member m join protection_case c on c.id = m.case_id where m.person_id = p.id"
            + "   and (c.closed_on is null or c.closed_on >= :cutoff))"
            + " and not exists (select 1 from counselling_session s where s.person_id = p.id and s.held_at >= :cutoffTs)"
            + " and not exists (select 1 from counselling_session_attendee a join counselling_session s on s.id = a.session_id"
            + "   where a.person_id = p.id and s.held_at >= :cutoffTs)"
            + " and not exists (select 1 from visit_person vp join monitoring_visit v on v.id = vp.visit_id"
            + "   where vp.person_id = p.id and v.visit_date >= :cutoff)"
            + " and not exists (select 1 from return_event r where r.person_id = p.id and r.return_date >= :cutoff)"
            + " and not exists (select 1 from person_group g where g.person_id = p.id and (g.start_date >= :cutoff or g.end_date >= :cutoff))"
            + " and not exists (select 1 from shelter_residence sr where sr.person_id = p.id and (sr.moved_out is null or sr.moved_out >= :cutoff))"
            + NOT_HELD.formatted("p.id");

    /** Closed cases due under CLOSED_CASE: closed before the cut-off, not cleared yet, their person not held. */
    private static final String DUE_CASES = " from protection_case c where c.status = 'CLOSED' and c.closed_on < :cutoff"
            + " and (cast(:partner as bigint) is null or c.owning_partner = :partner)"
            + " and not exists (select 1 from retention_cleared x where x.kind = 'CLOSED_CASE' and x.record_id = c.id)"
            + NOT_HELD.formatted("c.principal_person_id");

    /** Attachments due under ATTACHMENT, with their owner and the owner's partner. */
    private static final String DUE_ATTACHMENTS = "select a.id, a.owner_kind, a.owner_id, o.partner from attachment a join ("
            + " select 'CASE' as kind, c.id as owner_id, c.owning_partner as partner from protection_case c"
            + "   where c.status = 'CLOSED' and c.closed_on < :cutoff" + NOT_HELD.formatted("c.principal_person_id")
            + " union all select 'SESSION', s.id, s.owning_partner from counselling_session s join protection_case c on c.id = s.case_id"
            + "   where c.status = 'CLOSED' and c.closed_on < :cutoff" + NOT_HELD.formatted("c.principal_person_id")
            + " union all select 'VISIT', v.id, v.owning_partner from monitoring_visit v where v.visit_date < :cutoff"
            + ") o on o.kind = a.owner_kind and o.owner_id = a.owner_id"
            + " where (cast(:partner as bigint) is null or o.partner = :partner)";

    private final JdbcClient jdbc;

    RetentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Map<String, Object> params(LocalDate cutoff, @Nullable Long partner) {
        Map<String, Object> params = new HashMap<>();
        params.put("cutoff", cutoff);
        params.put("cutoffTs", Timestamp.valueOf(cutoff.atStartOfDay()));
        params.put("partner", partner);
        return params;
    }

    List<RetentionRule> rules() {
        return jdbc.sql("select kind, years, enabled, updated_by, updated_at, version from retention_rule order by kind")
                .query((rs, i) -> new RetentionRule(RetentionKind.valueOf(rs.getString("kind")), rs.getInt("years"),
                        rs.getBoolean("enabled"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version")))
                .list()
                .stream().sorted((a, b) -> a.kind().compareTo(b.kind())).toList();
    }

    /** Optimistic: 0 rows when someone saved the rule meanwhile. */
    int updateRule(RetentionKind kind, int years, boolean enabled, long version, String username) {
        return jdbc.sql("update retention_rule set years = :years, enabled = :enabled, updated_by = :user, updated_at = now(),"
                        + " version = version + 1 where kind = :kind and version = :version")
                .param("years", years).param("enabled", enabled).param("user", username).param("kind", kind.name())
                .param("version", version).update();
    }

    /** The next due people after {@code afterId} in id order: a run walks the table once, batch after batch (keyset). */
    List<Long> duePeople(LocalDate cutoff, @Nullable Long partner, long afterId, int limit) {
        Map<String, Object> params = params(cutoff, partner);
        params.put("after", afterId);
        params.put("limit", limit);
        return jdbc.sql("select p.id" + DUE_PEOPLE + " and p.id > :after order by p.id limit :limit").params(params).query(Long.class).list();
    }

    /** The next due cases after {@code afterId} in id order (keyset, as {@link #duePeople}). */
    List<Long> dueCases(LocalDate cutoff, @Nullable Long partner, long afterId, int limit) {
        Map<String, Object> params = params(cutoff, partner);
        params.put("after", afterId);
        params.put("limit", limit);
        return jdbc.sql("select c.id" + DUE_CASES + " and c.id > :after order by c.id limit :limit").params(params).query(Long.class).list();
    }

    /** Owners (kind, id) of due attachments, at most {@code limit} attachments' worth. */
    Map<String, List<Long>> dueAttachmentOwners(LocalDate cutoff, int limit) {
        Map<String, Object> params = params(cutoff, null);
        params.put("limit", limit);
        Map<String, List<Long>> owners = new HashMap<>();
        jdbc.sql("select distinct d.owner_kind, d.owner_id from (" + DUE_ATTACHMENTS + " order by a.id limit :limit) d")
                .params(params)
                .query((rs, i) -> owners.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        return owners;
    }

    void markCleared(RetentionKind kind, List<Long> ids) {
        jdbc.sql("insert into retention_cleared (kind, record_id) select :kind, unnest(cast(:ids as bigint[])) on conflict do nothing")
                .param("kind", kind.name()).param("ids", ids.toArray(Long[]::new)).update();
    }

    /** Dry run by partner code: people, cases and attachments; the access log and audit are not a partner's. */
    List<DueCount> countsByPartner(RetentionKind kind, LocalDate cutoff, @Nullable Long partner) {
        String sql = switch (kind) {
            case INACTIVE_PERSON -> "select p.registered_by_partner as partner, count(*) as n" + DUE_PEOPLE + " group by 1";
            case CLOSED_CASE -> "select c.owning_partner as partner, count(*) as n" + DUE_CASES + " group by 1";
            case ATTACHMENT -> "select d.partner, count(*) as n from (" + DUE_ATTACHMENTS + ") d group by 1";
            default -> throw new IllegalArgumentException(kind + " is not a partner's");
        };
        return jdbc.sql("select pa.code, x.n from (" + sql + ") x join partner pa on pa.id = x.partner order by pa.code")
                .params(params(cutoff, partner))
                .query((rs, i) -> new DueCount(kind, rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** Dry run, the records themselves (the partner's own), at most {@code limit} of each kind. */
    List<DueRecord> dueRecords(LocalDate peopleCutoff, LocalDate caseCutoff, long partner, int limit) {
        List<DueRecord> records = new ArrayList<>();
        Map<String, Object> params = params(peopleCutoff, partner);
        params.put("limit", limit);
        jdbc.sql("select p.id, p.registration_no" + DUE_PEOPLE + " order by p.id limit :limit").params(params)
                .query((rs, i) -> records.add(new DueRecord(RetentionKind.INACTIVE_PERSON, rs.getLong(1), rs.getString(2))))
                .list();
        params = params(caseCutoff, partner);
        params.put("limit", limit);
        jdbc.sql("select c.id, c.case_no" + DUE_CASES + " order by c.id limit :limit").params(params)
                .query((rs, i) -> records.add(new DueRecord(RetentionKind.CLOSED_CASE, rs.getLong(1), rs.getString(2))))
                .list();
        return records;
    }

    // --- legal holds ---

    boolean isHeld(long personId) {
        return jdbc.sql("select exists (select 1 from legal_hold where person_id = :p and released_at is null)")
                .param("p", personId).query(Boolean.class).single();
    }

    long placeHold(long personId, String reason, String username) {
        return jdbc.sql("insert into legal_hold (person_id, reason, placed_by) values (:p, :r, :u) returning id")
                .param("p", personId).param("r", reason).param("u", username).query(Long.class).single();
    }

    /** The person of the released hold, if it was active. */
    @Nullable Long releaseHold(long holdId, String username) {
        return jdbc.sql("update legal_hold set released_by = :u, released_at = now() where id = :id and released_at is null returning person_id")
                .param("u", username).param("id", holdId).query(Long.class).optional().orElse(null);
    }

    List<LegalHold> activeHolds(int offset, int limit) {
        return jdbc.sql("select h.id, h.person_id, p.registration_no, h.reason, h.placed_by, h.placed_at from legal_hold h"
                        + " join person p on p.id = h.person_id where h.released_at is null order by h.placed_at desc, h.id desc"
                        + " offset :offset limit :limit")
                .param("offset", offset).param("limit", limit)
                .query((rs, i) -> new LegalHold(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** A current (not merged, not anonymised) person's id by registration number. */
    @Nullable Long currentPerson(String registrationNo) {
        return jdbc.sql("select id from person where registration_no = :r and merged_into_id is null and anonymised_at is null")
                .param("r", registrationNo).query(Long.class).optional().orElse(null);
    }

    /** The partner that registered a current person, if visible to the transaction. */
    @Nullable Long registeringPartner(long personId) {
        return jdbc.sql("select registered_by_partner from person where id = :p and merged_into_id is null and anonymised_at is null")
                .param("p", personId).query(Long.class).optional().orElse(null);
    }

    // --- erasure requests ---

    long insertRequest(long personId, long partner, String reason, String username) {
        return jdbc.sql("insert into erasure_request (person_id, owning_partner, reason, requested_by, status)"
                        + " values (:p, :o, :r, :u, 'PENDING') returning id")
                .param("p", personId).param("o", partner).param("r", reason).param("u", username).query(Long.class).single();
    }

    boolean hasPending(long personId) {
        return jdbc.sql("select exists (select 1 from erasure_request where person_id = :p and status = 'PENDING')")
                .param("p", personId).query(Boolean.class).single();
    }

    private static final String REQUEST_COLUMNS = "select r.id, r.person_id, p.registration_no, pa.code, r.reason, r.requested_by,"
            + " r.requested_at, r.status, r.decided_by, r.decided_at from erasure_request r join person p on p.id = r.person_id"
            + " join partner pa on pa.id = r.owning_partner";

    private static ErasureRequest request(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp(10);
        return new ErasureRequest(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getTimestamp(7).toInstant(), ErasureStatus.valueOf(rs.getString(8)), rs.getString(9),
                decided == null ? null : decided.toInstant());
    }

    Optional<ErasureRequest> request(long id) {
        return jdbc.sql(REQUEST_COLUMNS + " where r.id = :id for update of r").param("id", id).query((rs, i) -> request(rs)).optional();
    }

    List<ErasureRequest> requests(@Nullable ErasureStatus status, @Nullable Long partner, int offset, int limit) {
        return jdbc.sql(REQUEST_COLUMNS + " where (cast(:s as varchar) is null or r.status = :s)"
                        + " and (cast(:partner as bigint) is null or r.owning_partner = :partner)"
                        + " order by r.requested_at desc, r.id desc offset :offset limit :limit")
                .param("s", status == null ? null : status.name()).param("partner", partner).param("offset", offset).param("limit", limit)
                .query((rs, i) -> request(rs)).list();
    }

    int decide(long id, ErasureStatus status, String username) {
        return jdbc.sql("update erasure_request set status = :s, decided_by = :u, decided_at = now() where id = :id and status = 'PENDING'")
                .param("s", status.name()).param("u", username).param("id", id).update();
    }

    static Instant cutoffInstant(LocalDate cutoff) {
        return Timestamp.valueOf(cutoff.atStartOfDay()).toInstant();
    }
}
