package org.protectioncases.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Inserts for {@link PersonBulkService}: many people, groups and decisions per statement, as arrays
 * unnested by PostgreSQL. Registration numbers come from the same trigger as a single registration
 * (gapless, in the order of the rows); row-level security checks every row as for one.
 */
@Repository
class PersonBulkRepository {

    record Inserted(long id, String registrationNo, long version) {
    }

    record Group(long personId, PopulationGroup group, LocalDate start, @Nullable DisplacementPlace place) {
    }

    private final JdbcClient jdbc;

    PersonBulkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The people in the order given (normalised forms, see {@link Person#apply}). */
    List<Inserted> insertPeople(long partnerId, String username, List<PersonForm> forms) {
        List<Inserted> rows = new ArrayList<>(jdbc.sql("""
                        insert into person (given_name, family_name, father_name, other_names, sex, birth_date, birth_precision,
                                            place_of_birth, citizenship_status, citizenship_country, community, languages, phone,
                                            address, municipality_code, current_country, registered_by_partner, registered_by)
                        select u.g, u.fa, u.fn, u.o, u.s, cast(u.bd as date), u.bp, u.pb, u.cs, u.cc, u.cm, u.l, u.ph, u.ad, u.m, u.cu,
                               :partner, :by
                        from unnest(cast(:g as text[]), cast(:fa as text[]), cast(:fn as text[]), cast(:o as text[]),
                                    cast(:s as text[]), cast(:bd as text[]), cast(:bp as text[]), cast(:pb as text[]),
                                    cast(:cs as text[]), cast(:cc as text[]), cast(:cm as text[]), cast(:l as text[]),
                                    cast(:ph as text[]), cast(:ad as text[]), cast(:m as text[]), cast(:cu as text[]))
                             with ordinality as u(g, fa, fn, o, s, bd, bp, pb, cs, cc, cm, l, ph, ad, m, cu, i)
                        order by u.i
                        returning id, registration_no, version""")
                .param("g", texts(forms, PersonForm::givenName)).param("fa", texts(forms, PersonForm::familyName))
                .param("fn", texts(forms, PersonForm::fatherName)).param("o", texts(forms, PersonForm::otherNames))
                .param("s", texts(forms, f -> f.sex().name())).param("bd", texts(forms, f -> f.birthDate() == null ? null : f.birthDate().toString()))
                .param("bp", texts(forms, f -> f.birthPrecision() == null ? null : f.birthPrecision().name()))
                .param("pb", texts(forms, PersonForm::placeOfBirth)).param("cs", texts(forms, f -> f.citizenshipStatus().name()))
                .param("cc", texts(forms, PersonForm::citizenshipCountry)).param("cm", texts(forms, f -> f.community().name()))
                .param("l", texts(forms, PersonForm::languages)).param("ph", texts(forms, PersonForm::phone))
                .param("ad", texts(forms, PersonForm::address)).param("m", texts(forms, PersonForm::municipalityCode))
                .param("cu", texts(forms, PersonForm::currentCountry))
                .param("partner", partnerId).param("by", username)
                .query((rs, i) -> new Inserted(rs.getLong(1), rs.getString(2), rs.getLong(3))).list());
        // Identities are drawn in the order the rows are inserted (order by u.i), so by id is the given order.
        rows.sort(Comparator.comparingLong(Inserted::id));
        return rows;
    }

    void insertNotDuplicates(List<long[]> pairs, String username) {
        if (pairs.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into person_not_duplicate (person_id, other_id, decided_by)
                        select u.p, u.o, :by from unnest(cast(:p as bigint[]), cast(:o as bigint[])) as u(p, o)
                        on conflict do nothing""")
                .param("p", pairs.stream().map(pair -> pair[0]).toArray(Long[]::new))
                .param("o", pairs.stream().map(pair -> pair[1]).toArray(Long[]::new))
                .param("by", username).update();
    }

    void insertGroups(List<Group> groups) {
        if (groups.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into person_group (person_id, group_code, start_date, displacement_place)
                        select u.p, u.g, cast(u.s as date), u.d
                        from unnest(cast(:p as bigint[]), cast(:g as text[]), cast(:s as text[]), cast(:d as text[])) as u(p, g, s, d)""")
                .param("p", groups.stream().map(Group::personId).toArray(Long[]::new))
                .param("g", groups.stream().map(g -> g.group().name()).toArray(String[]::new))
                .param("s", groups.stream().map(g -> g.start().toString()).toArray(String[]::new))
                .param("d", groups.stream().map(g -> g.place() == null ? null : g.place().name()).toArray(String[]::new))
                .update();
    }

    private static String[] texts(List<PersonForm> forms, Function<PersonForm, @Nullable String> value) {
        return forms.stream().map(value).toArray(String[]::new);
    }
}
