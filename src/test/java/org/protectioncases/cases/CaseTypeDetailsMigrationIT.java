package org.protectioncases.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.db.JsonColumnMapper;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The changeset that made type_details typed jsonb, run as written on rows of the old shape (a flat
 * object of strings in a text column). It ran long ago on the test database, so it runs here on a
 * temporary protection_case, which shadows the real one in the session, and is rolled back.
 */
@SpringBootTest
class CaseTypeDetailsMigrationIT {

    private static final String CHANGESET = "db-changelog/cases/2026-12-04-01-typed-type-details.sql";

    @Autowired
    @OwnerDatabase
    JdbcTemplate owner;

    private final JsonColumnMapper mapper = new JsonColumnMapper();

    @Test
    void oldShapeRowsBecomeTheirTypesRecords() throws IOException {
        Map<Long, String[]> old = new LinkedHashMap<>();
        old.put(1L, new String[] {"ASYLUM", """
                {"applicationDate":"2026-01-15","appealLodged":"false","decision":"PENDING","decisionDate":"2026-02-01","procedureStage":"INTERVIEW"}"""});
        old.put(2L, new String[] {"ASYLUM", "{\"appealLodged\":\"true\"}"});
        old.put(3L, new String[] {"ASYLUM", "{}"});
        old.put(4L, new String[] {"STATELESSNESS", """
                {"determinationOutcome":"PENDING","evidence":"Father's birth certificate","nationalityClaim":"Serbian"}"""});
        old.put(5L, new String[] {"RETURN_REINTEGRATION", "{\"assistance\":\"TRANSPORT\",\"placeOfOrigin\":\"Pejë\",\"returnDate\":\"2025-05-01\"}"});
        old.put(6L, new String[] {"IDP_DURABLE_SOLUTIONS", "{\"currentShelter\":\"Collective centre\",\"solutionSought\":\"RETURN\"}"});
        old.put(7L, new String[] {"CIVIL_DOCUMENTATION", "{}"});
        old.put(8L, new String[] {"GENERAL_PROTECTION", "{}"});
        // A key of another type (never accepted by the old service, but possible in SQL-made data) is dropped.
        old.put(9L, new String[] {"IDP_DURABLE_SOLUTIONS", "{\"procedureStage\":\"APPEAL\",\"solutionSought\":\"RELOCATION\"}"});

        Map<Long, String> migrated = migrate(old, statements());

        assertThat(read(migrated.get(1L))).isEqualTo(new CaseTypeDetails.Asylum(LocalDate.of(2026, 1, 15),
                CaseTypeDetails.ProcedureStage.INTERVIEW, CaseTypeDetails.AsylumDecision.PENDING, LocalDate.of(2026, 2, 1), false));
        assertThat(read(migrated.get(2L))).isEqualTo(new CaseTypeDetails.Asylum(null, null, null, null, true));
        assertThat(read(migrated.get(3L))).isEqualTo(CaseTypeDetails.empty(CaseType.ASYLUM));
        assertThat(read(migrated.get(4L))).isEqualTo(new CaseTypeDetails.Statelessness("Serbian", "Father's birth certificate",
                CaseTypeDetails.DeterminationOutcome.PENDING));
        assertThat(read(migrated.get(5L))).isEqualTo(new CaseTypeDetails.ReturnReintegration("Pejë", LocalDate.of(2025, 5, 1),
                CaseTypeDetails.ReturnAssistance.TRANSPORT));
        assertThat(read(migrated.get(6L))).isEqualTo(new CaseTypeDetails.IdpDurableSolutions("Collective centre",
                CaseTypeDetails.DurableSolution.RETURN));
        assertThat(read(migrated.get(7L))).isEqualTo(new CaseTypeDetails.None());
        assertThat(read(migrated.get(8L))).isEqualTo(new CaseTypeDetails.None());
        assertThat(read(migrated.get(9L))).isEqualTo(new CaseTypeDetails.IdpDurableSolutions(null, CaseTypeDetails.DurableSolution.RELOCATION));
        assertThat(migrated.get(1L)).contains("\"appealLodged\": false").contains("\"type\": \"ASYLUM\"");
        assertThat(migrated.get(-1L)).as("column type and default afterwards").isEqualTo("jsonb '{}'::jsonb");
    }

    private CaseTypeDetails read(String json) {
        return mapper.fromString(json, CaseTypeDetails.class);
    }

    /** The changeset's statements, as Liquibase splits a formatted SQL file (comments left out). */
    private static List<String> statements() throws IOException {
        try (InputStream in = CaseTypeDetailsMigrationIT.class.getClassLoader().getResourceAsStream(CHANGESET)) {
            assertThat(in).as(CHANGESET).isNotNull();
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
            return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    /** The migrated JSON per row id, and under -1 the column's type and default; nothing stays. */
    private Map<Long, String> migrate(Map<Long, String[]> rows, List<String> statements) {
        return owner.execute((ConnectionCallback<Map<Long, String>>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("create temporary table protection_case (id bigint primary key, case_type varchar(40) not null,"
                        + " type_details text not null default '{}') on commit drop");
                for (var row : rows.entrySet()) {
                    try (var insert = connection.prepareStatement("insert into protection_case values (?, ?, ?)")) {
                        insert.setLong(1, row.getKey());
                        insert.setString(2, row.getValue()[0]);
                        insert.setString(3, row.getValue()[1]);
                        insert.executeUpdate();
                    }
                }
                for (String statement : statements) {
                    st.execute(statement);
                }
                Map<Long, String> result = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("select id, type_details::text from protection_case order by id")) {
                    while (rs.next()) {
                        result.put(rs.getLong(1), rs.getString(2));
                    }
                }
                try (ResultSet rs = st.executeQuery("select data_type || ' ' || column_default from information_schema.columns"
                        + " where table_schema like 'pg_temp%' and table_name = 'protection_case' and column_name = 'type_details'")) {
                    rs.next();
                    result.put(-1L, rs.getString(1));
                }
                return result;
            } finally {
                rollback(connection, autoCommit);
            }
        });
    }

    private static void rollback(Connection connection, boolean autoCommit) throws SQLException {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
    }
}
