package org.protectioncases.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Returns, civil documents and specific needs: small append-mostly tables, read per person. */
@Repository
class PersonRecordsRepository {

    private final JdbcClient jdbc;

    PersonRecordsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long addReturn(long personId, LocalDate date, DisplacementPlace from, String municipality, boolean assisted, String by) {
        return jdbc.sql("""
                        insert into return_event (person_id, return_date, returned_from, municipality_code, assisted, recorded_by)
                        values (:p, :d, :f, :m, :a, :b) returning id""")
                .param("p", personId).param("d", date).param("f", from.name()).param("m", municipality).param("a", assisted)
                .param("b", by).query(Long.class).single();
    }

    List<PersonRecords.ReturnEvent> returns(long personId) {
        return jdbc.sql("select id, return_date, returned_from, municipality_code, assisted, recorded_by from return_event"
                        + " where person_id = :p order by return_date desc, id desc")
                .param("p", personId)
                .query((rs, i) -> new PersonRecords.ReturnEvent(rs.getLong("id"), rs.getObject("return_date", LocalDate.class),
                        DisplacementPlace.valueOf(rs.getString("returned_from")), rs.getString("municipality_code"),
                        rs.getBoolean("assisted"), rs.getString("recorded_by")))
                .list();
    }

    long addDocument(long personId, DocumentType type, boolean held, @Nullable LocalDate issuedOn, String by) {
        return jdbc.sql("""
                        insert into civil_document (person_id, document_type, held, issued_on, recorded_by)
                        values (:p, :t, :h, :i, :b) returning id""")
                .param("p", personId).param("t", type.name()).param("h", held).param("i", issuedOn).param("b", by)
                .query(Long.class).single();
    }

    List<PersonRecords.CivilDocument> documents(long personId) {
        return jdbc.sql("select id, document_type, held, issued_on, recorded_by from civil_document where person_id = :p order by id")
                .param("p", personId)
                .query((rs, i) -> new PersonRecords.CivilDocument(rs.getLong("id"), DocumentType.valueOf(rs.getString("document_type")),
                        rs.getBoolean("held"), rs.getObject("issued_on", LocalDate.class), rs.getString("recorded_by")))
                .list();
    }

    long addNeed(long personId, SpecificNeed need, LocalDate notedOn, @Nullable String note, String by) {
        return jdbc.sql("""
                        insert into specific_need (person_id, need_code, noted_on, note, recorded_by)
                        values (:p, :n, :d, :note, :b) returning id""")
                .param("p", personId).param("n", need.name()).param("d", notedOn).param("note", note).param("b", by)
                .query(Long.class).single();
    }

    List<PersonRecords.Need> needs(long personId) {
        return jdbc.sql("select id, need_code, noted_on, note, recorded_by from specific_need where person_id = :p order by noted_on desc, id desc")
                .param("p", personId)
                .query((rs, i) -> new PersonRecords.Need(rs.getLong("id"), SpecificNeed.valueOf(rs.getString("need_code")),
                        rs.getObject("noted_on", LocalDate.class), rs.getString("note"), rs.getString("recorded_by")))
                .list();
    }

    /**
     * Whether the person has restricted needs that this transaction's reader (a UNHCR manager) is not
     * shown: row-level security hides them, so the database answers ({@code pc_withholds_restricted_needs}).
     */
    boolean withholdsRestrictedNeeds(long personId) {
        return jdbc.sql("select pc_withholds_restricted_needs(:p)").param("p", personId).query(Boolean.class).single();
    }

    /** Moves everything the people module keeps about {@code merged} to {@code kept}. */
    void moveRecords(long kept, long merged, long mergedPartner) {
        for (String table : new String[] {"person_group", "consent", "return_event", "civil_document"}) {
            // table names come from this list, never from input
            jdbc.sql("update " + table + " set person_id = :k where person_id = :m").param("k", kept).param("m", merged).update();
        }
        // Restricted needs too, which row-level security hides from the merging manager (a function run as the owner).
        jdbc.sql("select pc_move_specific_needs(:k, :m)").param("k", kept).param("m", merged).query(Integer.class).single();
        jdbc.sql("""
                insert into person_access (person_id, partner_id, reason)
                select :k, partner_id, reason from person_access where person_id = :m
                on conflict do nothing""").param("k", kept).param("m", merged).update();
        // The partner that registered the merged record keeps seeing the person.
        jdbc.sql("""
                insert into person_access (person_id, partner_id, reason)
                select :k, :partner, 'merged record' where :partner <> (select registered_by_partner from person where id = :k)
                on conflict do nothing""").param("k", kept).param("partner", mergedPartner).update();
        jdbc.sql("delete from person_access where person_id = :m").param("m", merged).update();
        // Household: the kept record takes the merged one's place unless it already has a household.
        jdbc.sql("update household_member set person_id = :k where person_id = :m"
                + " and not exists (select 1 from household_member where person_id = :k)").param("k", kept).param("m", merged).update();
        jdbc.sql("update person set merged_into_id = :k, updated_at = now(), version = version + 1 where id = :m")
                .param("k", kept).param("m", merged).update();
        // Pointers never chain: records merged earlier into this one now point at the kept record,
        // so folding a record to its person (counts, shelter_residents_on) is one step.
        jdbc.sql("update person set merged_into_id = :k, updated_at = now(), version = version + 1 where merged_into_id = :m")
                .param("k", kept).param("m", merged).update();
    }

    Optional<Long> mergedInto(long personId) {
        return jdbc.sql("select merged_into_id from person where id = :p and merged_into_id is not null")
                .param("p", personId).query(Long.class).optional();
    }

    Optional<Long> idByRegistrationNo(String registrationNo) {
        return jdbc.sql("select id from person where registration_no = :r").param("r", registrationNo.strip().toUpperCase(Locale.ROOT))
                .query(Long.class).optional();
    }

    Optional<Long> householdOf(long personId) {
        return jdbc.sql("select household_id from household_member where person_id = :p").param("p", personId)
                .query(Long.class).optional();
    }

    long createHousehold(long headId, String by) {
        long id = jdbc.sql("insert into household (created_by) values (:b) returning id").param("b", by).query(Long.class).single();
        addMember(id, headId, Relationship.HEAD, by);
        return id;
    }

    void addMember(long householdId, long personId, Relationship relationship, String by) {
        jdbc.sql("insert into household_member (household_id, person_id, relationship, added_by) values (:h, :p, :r, :b)")
                .param("h", householdId).param("p", personId).param("r", relationship.name()).param("b", by).update();
    }

    List<Object[]> members(long householdId) {
        return jdbc.sql("""
                        select m.person_id, p.registration_no || ' ' || p.given_name || ' ' || p.family_name, m.relationship
                        from household_member m join person p on p.id = m.person_id
                        where m.household_id = :h order by (m.relationship = 'HEAD') desc, p.birth_date nulls last""")
                .param("h", householdId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), Relationship.valueOf(rs.getString(3))}).list();
    }

    void setBirthRegistered(long personId, BirthRegistration value) {
        jdbc.sql("update person set birth_registered = :v, updated_at = now(), version = version + 1 where id = :p")
                .param("v", value.name()).param("p", personId).update();
    }

    BirthRegistration birthRegistered(long personId) {
        return BirthRegistration.valueOf(jdbc.sql("select birth_registered from person where id = :p").param("p", personId)
                .query(String.class).single());
    }
}
