package org.protectioncases.people;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Set-based reads and deletes for {@link PersonWithdrawalService}. */
@Repository
class PersonWithdrawalRepository {

    // What the withdrawal itself removes, so it does not count as a link.
    private static final Set<String> OWN = Set.of("person_group.person_id", "person_not_duplicate.person_id");

    private final JdbcClient jdbc;

    PersonWithdrawalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, Long> versions(Collection<Long> ids) {
        Map<Long, Long> versions = new HashMap<>();
        jdbc.sql("select id, version from person where id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    versions.put(rs.getLong(1), rs.getLong(2));
                });
        return versions;
    }

    Map<Long, Integer> groupCounts(Collection<Long> ids) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("select person_id, count(*) from person_group where person_id = any(:ids) group by person_id")
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /** People that a row of another table (any module's: found through the foreign keys) refers to. */
    Set<Long> referencedElsewhere(Collection<Long> ids) {
        List<String[]> references = jdbc.sql("""
                        select c.conrelid::regclass::text, a.attname from pg_constraint c
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
                        where c.contype = 'f' and c.confrelid = 'person'::regclass""")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        Set<Long> linked = new HashSet<>();
        Long[] array = ids.toArray(Long[]::new);
        for (String[] ref : references) {
            if (OWN.contains(ref[0] + "." + ref[1])) {
                continue;
            }
            // Table and column names come from the catalogue, quoted; never from input.
            linked.addAll(jdbc.sql("select distinct " + quote(ref[1]) + " from " + quote(ref[0]) + " where " + quote(ref[1]) + " = any(:ids)")
                    .param("ids", array).query(Long.class).list());
        }
        return linked;
    }

    void delete(List<Long> ids) {
        Long[] array = ids.toArray(Long[]::new);
        jdbc.sql("delete from person_group where person_id = any(:ids)").param("ids", array).update();
        jdbc.sql("delete from person_not_duplicate where person_id = any(:ids)").param("ids", array).update();
        jdbc.sql("delete from person where id = any(:ids)").param("ids", array).update();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
