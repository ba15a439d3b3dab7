package org.protectioncases.legal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.legal.ConflictDto.FoundBy;
import org.protectioncases.legal.ConflictDto.MatchedAs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Parties, conflicts and the conflict search, in SQL. The search reads the cases and people
 * tables read-only (as the reports module does) and folds names with the people module's
 * {@code pc_fold}, the function behind the duplicate check; every query also names the partner,
 * and row-level security applies the same scope again.
 */
@Repository
class ConflictRepository {

    /** The people duplicate check's threshold (PersonSearchRepository.DUPLICATE_THRESHOLD): the same notion of "close". */
    static final double THRESHOLD = 0.45;
    static final int MAX_MATCHES = 20;

    private final JdbcClient jdbc;

    ConflictRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A match the search found in another of the partner's cases. */
    record Match(long caseId, String caseNo, String name, double score) {
    }

    long insertParty(long caseId, PartyRole role, String name, @Nullable String organisation, String username) {
        return jdbc.sql("""
                        insert into case_party (case_id, party_role, name, organisation, added_by)
                        values (:c, :r, :n, :o, :u) returning id""")
                .param("c", caseId).param("r", role.name()).param("n", name).param("o", organisation).param("u", username)
                .query(Long.class).single();
    }

    List<PartyDto> parties(long caseId) {
        return jdbc.sql("select * from case_party where case_id = :c order by id")
                .param("c", caseId).query(ConflictRepository::party).list();
    }

    Optional<PartyDto> party(long id) {
        return jdbc.sql("select * from case_party where id = :id").param("id", id).query(ConflictRepository::party).optional();
    }

    private static PartyDto party(ResultSet rs, int row) throws SQLException {
        return new PartyDto(rs.getLong("id"), rs.getLong("case_id"), PartyRole.valueOf(rs.getString("party_role")),
                rs.getString("name"), rs.getString("organisation"), rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant());
    }

    private void threshold() {
        // As the duplicate check does: the trigram index itself drops weaker matches for this transaction.
        jdbc.sql("select set_config('pg_trgm.similarity_threshold', :t, true)")
                .param("t", Double.toString(THRESHOLD)).query(String.class).single();
    }

    /**
     * The partner's clients (principal person or member of one of its cases, any status) whose
     * name, or the name of a duplicate merged into them, is close to {@code name}.
     */
    List<Match> clientsNamed(long partnerId, String name, long excludeCaseId) {
        threshold();
        // In a function with the owner's rights: under row-level security the name indexes could not be used
        // (db-changelog/legal/2026-12-02-41-conflict-functions.sql, which holds the query and the partner's rule).
        return jdbc.sql("select * from pc_conflict_clients(:partner, :q, :exclude, :max)")
                .param("q", name).param("partner", partnerId).param("exclude", excludeCaseId).param("max", MAX_MATCHES)
                .query(ConflictRepository::match).list();
    }

    /**
     * Opposing parties in the partner's other cases whose name is close to the person's, or to a
     * duplicate merged into the person.
     */
    List<Match> opposingPartiesNamedLike(long partnerId, long personId, long excludeCaseId) {
        threshold();
        return jdbc.sql("select * from pc_conflict_opposing_parties(:partner, :person, :exclude, :max)")
                .param("person", personId).param("partner", partnerId).param("exclude", excludeCaseId).param("max", MAX_MATCHES)
                .query(ConflictRepository::match).list();
    }

    private static Match match(ResultSet rs, int row) throws SQLException {
        return new Match(rs.getLong("case_id"), rs.getString("case_no"), rs.getString("name"), rs.getDouble("score"));
    }

    Optional<String> personName(long personId) {
        return jdbc.sql("select given_name || ' ' || family_name from person where id = :p").param("p", personId)
                .query(String.class).optional();
    }

    long insertConflict(long caseId, long partnerId, FoundBy foundBy, @Nullable Long partyId, String checkedName, Match m,
                        MatchedAs matchedAs, String username) {
        return jdbc.sql("""
                        insert into case_conflict (case_id, partner_id, found_by, party_id, checked_name, matched_case_id,
                            matched_case_no, matched_name, matched_as, score, created_by)
                        values (:c, :partner, :by, :party, :checked, :mc, :mno, :mname, :as, :score, :u) returning id""")
                .param("c", caseId).param("partner", partnerId).param("by", foundBy.name()).param("party", partyId)
                .param("checked", checkedName).param("mc", m.caseId()).param("mno", m.caseNo()).param("mname", m.name())
                .param("as", matchedAs.name()).param("score", (float) m.score()).param("u", username)
                .query(Long.class).single();
    }

    List<ConflictDto> conflicts(long caseId, long partnerId) {
        return jdbc.sql("select * from case_conflict where case_id = :c and partner_id = :partner order by status desc, id")
                .param("c", caseId).param("partner", partnerId).query(ConflictRepository::conflict).list();
    }

    Optional<ConflictDto> conflict(long id, long partnerId) {
        return jdbc.sql("select * from case_conflict where id = :id and partner_id = :partner")
                .param("id", id).param("partner", partnerId).query(ConflictRepository::conflict).optional();
    }

    /** Open conflicts of the partner, newest first, a page at a time (the coordinator's list). */
    List<ConflictDto> openConflicts(long partnerId, int offset, int limit) {
        return jdbc.sql("select * from case_conflict where partner_id = :partner and status = 'OPEN' order by created_at desc, id desc offset :o limit :l")
                .param("partner", partnerId).param("o", offset).param("l", limit).query(ConflictRepository::conflict).list();
    }

    boolean hasOpenConflict(long caseId) {
        return jdbc.sql("select exists (select 1 from case_conflict where case_id = :c and status = 'OPEN')")
                .param("c", caseId).query(Boolean.class).single();
    }

    /** Clears an open conflict at the given version; false if it changed meanwhile. */
    boolean clear(long id, long version, String username, String reason) {
        return jdbc.sql("""
                        update case_conflict set status = 'CLEARED', cleared_by = :u, cleared_at = now(), clear_reason = :r,
                            version = version + 1
                        where id = :id and version = :v and status = 'OPEN'""")
                .param("u", username).param("r", reason).param("id", id).param("v", version).update() == 1;
    }

    private static ConflictDto conflict(ResultSet rs, int row) throws SQLException {
        Timestamp cleared = rs.getTimestamp("cleared_at");
        return new ConflictDto(rs.getLong("id"), rs.getLong("case_id"), FoundBy.valueOf(rs.getString("found_by")),
                (Long) rs.getObject("party_id", Long.class), rs.getString("checked_name"), rs.getLong("matched_case_id"),
                rs.getString("matched_case_no"), rs.getString("matched_name"), MatchedAs.valueOf(rs.getString("matched_as")),
                rs.getDouble("score"), "OPEN".equals(rs.getString("status")), rs.getString("cleared_by"),
                cleared == null ? null : cleared.toInstant(), rs.getString("clear_reason"), rs.getLong("version"));
    }
}
