package org.protectioncases.legal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.i18n.SerbianCyrillic;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Templates, letterheads and the record of generated documents; and, read-only, what a document is
 * filled from (the case's person, parties and events, the partner's name). Row-level security
 * scopes every table to the signed-in user's partner; the services check the case first.
 */
@Repository
class DocumentRepository {

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- templates -------------------------------------------------------------------------

    /** The newest version of the partner's template, retired or not. */
    Optional<TemplateVersionDto> newest(long partner, DocumentKind kind, Language language) {
        return jdbc.sql("""
                        select id, kind, language, version, file_name, placeholders, uploaded_by, uploaded_at, retired
                        from document_template where partner_id = :p and kind = :k and language = :l order by version desc limit 1""")
                .param("p", partner).param("k", kind.name()).param("l", language.code())
                .query(DocumentRepository::version).optional();
    }

    List<TemplateVersionDto> versions(long partner, DocumentKind kind, Language language) {
        return jdbc.sql("""
                        select id, kind, language, version, file_name, placeholders, uploaded_by, uploaded_at, retired
                        from document_template where partner_id = :p and kind = :k and language = :l order by version desc limit 100""")
                .param("p", partner).param("k", kind.name()).param("l", language.code())
                .query(DocumentRepository::version).list();
    }

    /** Newest version and number of versions of every template the partner uploaded. */
    List<TemplateVersionDto> newestOfEach(long partner) {
        return jdbc.sql("""
                        select distinct on (kind, language) id, kind, language, version, file_name, placeholders, uploaded_by, uploaded_at, retired
                        from document_template where partner_id = :p order by kind, language, version desc""")
                .param("p", partner).query(DocumentRepository::version).list();
    }

    Optional<TemplateVersionDto> version(long id) {
        return jdbc.sql("""
                        select id, kind, language, version, file_name, placeholders, uploaded_by, uploaded_at, retired
                        from document_template where id = :id""")
                .param("id", id).query(DocumentRepository::version).optional();
    }

    Optional<byte[]> content(long id) {
        return jdbc.sql("select content from document_template where id = :id").param("id", id).query(byte[].class).optional();
    }

    TemplateVersionDto insert(long partner, DocumentKind kind, Language language, String fileName, byte[] content, List<String> placeholders,
                              String user) {
        // The unique key (partner, kind, language, version) turns two coordinators' simultaneous uploads into one failure, not two "version 3".
        long id = jdbc.sql("""
                        insert into document_template (partner_id, kind, language, version, file_name, content, placeholders, uploaded_by)
                        values (:p, :k, :l, (select coalesce(max(version), 0) + 1 from document_template
                                             where partner_id = :p and kind = :k and language = :l),
                                :f, :c, :ph, :u) returning id""")
                .param("p", partner).param("k", kind.name()).param("l", language.code()).param("f", fileName).param("c", content)
                .param("ph", String.join(",", placeholders)).param("u", user).query(Long.class).single();
        return version(id).orElseThrow();
    }

    int retire(long partner, DocumentKind kind, Language language) {
        return jdbc.sql("update document_template set retired = true where partner_id = :p and kind = :k and language = :l and not retired")
                .param("p", partner).param("k", kind.name()).param("l", language.code()).update();
    }

    int countVersions(long partner, DocumentKind kind, Language language) {
        return jdbc.sql("select count(*) from document_template where partner_id = :p and kind = :k and language = :l")
                .param("p", partner).param("k", kind.name()).param("l", language.code()).query(Integer.class).single();
    }

    private static TemplateVersionDto version(ResultSet rs, int i) throws SQLException {
        String placeholders = rs.getString("placeholders");
        return new TemplateVersionDto(rs.getLong("id"), DocumentKind.valueOf(rs.getString("kind")),
                Language.fromCode(rs.getString("language")).orElseThrow(), rs.getInt("version"), rs.getString("file_name"),
                placeholders.isEmpty() ? List.of() : Arrays.asList(placeholders.split(",")), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), rs.getBoolean("retired"));
    }

    // --- letterhead -------------------------------------------------------------------------

    Optional<String> letterheadAddress(long partner) {
        return jdbc.sql("select address from document_letterhead where partner_id = :p").param("p", partner).query(String.class).optional();
    }

    void saveLetterheadAddress(long partner, String address, String user) {
        jdbc.sql("""
                        insert into document_letterhead (partner_id, address, updated_by) values (:p, :a, :u)
                        on conflict (partner_id) do update set address = excluded.address, updated_by = excluded.updated_by, updated_at = now()""")
                .param("p", partner).param("a", address).param("u", user).update();
    }

    void deleteLetterheadAddress(long partner) {
        jdbc.sql("delete from document_letterhead where partner_id = :p").param("p", partner).update();
    }

    String partnerName(long partner) {
        return jdbc.sql("select name from partner where id = :p").param("p", partner).query(String.class).single();
    }

    // --- generated documents ---------------------------------------------------------------

    long recordGenerated(long caseId, DocumentRequest request, @Nullable TemplateVersionDto template, @Nullable String blanks,
                         @Nullable Long attachmentId, String user) {
        return jdbc.sql("""
                        insert into generated_document (case_id, kind, language, format, template_id, template_version, blanks,
                                                        attachment_id, generated_by)
                        values (:c, :k, :l, :f, :t, :tv, :b, :a, :u) returning id""")
                .param("c", caseId).param("k", request.kind().name()).param("l", request.language().code())
                .param("f", request.format().name()).param("t", template == null ? null : template.id())
                .param("tv", template == null ? null : template.version()).param("b", blanks).param("a", attachmentId).param("u", user)
                .query(Long.class).single();
    }

    List<GeneratedDocumentDto> generated(long caseId, int limit) {
        return jdbc.sql("select * from generated_document where case_id = :c order by generated_at desc, id desc limit :l")
                .param("c", caseId).param("l", limit)
                .query((rs, i) -> new GeneratedDocumentDto(rs.getLong("id"), DocumentKind.valueOf(rs.getString("kind")),
                        Language.fromCode(rs.getString("language")).orElseThrow(), DocumentFormat.valueOf(rs.getString("format")),
                        (Integer) rs.getObject("template_version"), rs.getString("blanks"), rs.getObject("attachment_id") != null,
                        rs.getString("generated_by"), rs.getObject("generated_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    // --- what documents are filled from ----------------------------------------------------

    DocumentData.Person person(long caseId) {
        return jdbc.sql("""
                        select p.given_name, p.family_name, p.father_name, p.birth_date, p.birth_precision, p.place_of_birth, p.address,
                               p.registration_no, m.name_en, m.name_sq, m.name_sr
                        from protection_case c join person p on p.id = c.principal_person_id
                        left join municipality m on m.code = p.municipality_code
                        where c.id = :c""")
                .param("c", caseId)
                .query((rs, i) -> {
                    Map<Language, String> municipality = null;
                    if (rs.getString("name_en") != null) {
                        municipality = new EnumMap<>(Language.class);
                        municipality.put(Language.EN, rs.getString("name_en"));
                        municipality.put(Language.SQ, rs.getString("name_sq"));
                        municipality.put(Language.SR, rs.getString("name_sr"));
                        municipality.put(Language.SR_CYRL, SerbianCyrillic.convert(rs.getString("name_sr")));
                    }
                    return new DocumentData.Person(rs.getString("given_name"), rs.getString("family_name"), rs.getString("father_name"),
                            rs.getObject("birth_date", LocalDate.class), rs.getString("birth_precision"), rs.getString("place_of_birth"),
                            rs.getString("address"), municipality, rs.getString("registration_no"));
                })
                .single();
    }

    /** The case's first party in a role, "name, organisation". */
    @Nullable String party(long caseId, PartyRole role) {
        return jdbc.sql("select name, organisation from case_party where case_id = :c and party_role = :r order by id limit 1")
                .param("c", caseId).param("r", role.name())
                .query((rs, i) -> rs.getString("organisation") == null ? rs.getString("name")
                        : rs.getString("name") + ", " + rs.getString("organisation"))
                .optional().orElse(null);
    }

    DocumentData.CaseFacts facts(CaseSummary c, LocalDate today) {
        record Hearing(LocalDate on, @Nullable LocalTime at, @Nullable String place) {
        }
        Hearing hearing = jdbc.sql("""
                        select event_date, event_time, concat_ws(', ', place, room) as place from case_event
                        where case_id = :c and kind = 'HEARING' and done_on is null and event_date >= :t
                        order by event_date, event_time nulls last limit 1""")
                .param("c", c.id()).param("t", today)
                .query((rs, i) -> new Hearing(rs.getObject("event_date", LocalDate.class), rs.getObject("event_time", LocalTime.class),
                        rs.getString("place")))
                .optional().orElse(null);
        LocalDate deadline = jdbc.sql("""
                        select min(event_date) from case_event where case_id = :c and kind = 'DEADLINE' and done_on is null""")
                .param("c", c.id()).query(LocalDate.class).optional().orElse(null);
        record Decision(DecisionType type, LocalDate servedOn) {
        }
        Decision decision = jdbc.sql("""
                        select decision_type, event_date from case_event where case_id = :c and kind = 'DECISION_SERVED'
                        order by event_date desc, id desc limit 1""")
                .param("c", c.id())
                .query((rs, i) -> new Decision(DecisionType.valueOf(rs.getString("decision_type")), rs.getObject("event_date", LocalDate.class)))
                .optional().orElse(null);
        return new DocumentData.CaseFacts(c.caseNo(), c.type(), c.openedOn(), party(c.id(), PartyRole.AUTHORITY),
                party(c.id(), PartyRole.OPPOSING_PARTY), hearing == null ? null : hearing.on(), hearing == null ? null : hearing.at(),
                hearing == null || hearing.place() == null || hearing.place().isBlank() ? null : hearing.place(), deadline,
                decision == null ? null : decision.type(), decision == null ? null : decision.servedOn());
    }

}
