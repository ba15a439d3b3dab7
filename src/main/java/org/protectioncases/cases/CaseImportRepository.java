package org.protectioncases.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.protectioncases.shared.db.ForeignKeyReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Set-based reads and deletes for {@link CaseImportService}. */
@Repository
class CaseImportRepository {

    // What withdrawing a case removes itself (its timeline), so it does not count as a link.
    private static final Set<String> OWN = Set.of("case_status_change.case_id");

    private final JdbcClient jdbc;

    CaseImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Long> idsByNumber(long partnerId, Collection<String> caseNos) {
        Map<String, Long> ids = new HashMap<>();
        String[] numbers = caseNos.stream().map(n -> n.strip().toUpperCase(Locale.ROOT)).distinct().toArray(String[]::new);
        jdbc.sql("select case_no, id from protection_case where owning_partner = :p and upper(case_no) = any(:n)")
                .param("p", partnerId).param("n", numbers)
                .query(rs -> {
                    ids.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getLong(2));
                });
        return ids;
    }

    Map<Long, Long> versions(long partnerId, Collection<Long> ids) {
        Map<Long, Long> versions = new HashMap<>();
        jdbc.sql("select id, version from protection_case where owning_partner = :p and id = any(:ids)")
                .param("p", partnerId).param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    versions.put(rs.getLong(1), rs.getLong(2));
                });
        return versions;
    }

    /** Cases a row of another table (any module's: found through the foreign keys) refers to. */
    Set<Long> referencedElsewhere(Collection<Long> ids) {
        return ForeignKeyReferences.referenced(jdbc, "protection_case", OWN, ids);
    }

    void delete(List<Long> ids) {
        Long[] array = ids.toArray(Long[]::new);
        jdbc.sql("delete from case_status_change where case_id = any(:ids)").param("ids", array).update();
        jdbc.sql("delete from protection_case where id = any(:ids)").param("ids", array).update();
    }
}
