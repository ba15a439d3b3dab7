package org.protectioncases.people;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.protectioncases.shared.db.ForeignKeyReferences;
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
        return ForeignKeyReferences.referenced(jdbc, "person", OWN, ids);
    }

    void delete(List<Long> ids) {
        Long[] array = ids.toArray(Long[]::new);
        jdbc.sql("delete from person_group where person_id = any(:ids)").param("ids", array).update();
        jdbc.sql("delete from person_not_duplicate where person_id = any(:ids)").param("ids", array).update();
        jdbc.sql("delete from person where id = any(:ids)").param("ids", array).update();
    }
}
