package org.protectioncases.reference;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reference tables (municipality, country) in SQL: codes with their names in one language. */
@Repository
class ReferenceDataRepository {

    /** A row: its code and its name in the language asked for. */
    record Row(String code, String name) {
    }

    private final JdbcClient jdbc;

    ReferenceDataRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every row of {@code table} with its name from {@code nameColumn}, sorted by that name. */
    List<Row> rows(String table, String nameColumn) {
        // table and column come from ReferenceDataService and the Language enum, never from input
        return jdbc.sql("select code, " + nameColumn + " as name from " + table + " order by " + nameColumn)
                .query((rs, i) -> new Row(rs.getString("code").strip(), rs.getString("name")))
                .list();
    }
}
