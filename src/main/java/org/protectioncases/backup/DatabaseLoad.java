package org.protectioncases.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Loads a {@link DatabaseDump} into an empty database: Liquibase first builds the schema of the
 * changesets the backup was made with (the first N of this version's changelog; newer ones run
 * at the app's next start, on the restored rows), then every table is emptied of seed rows and
 * filled by {@code COPY ... FROM STDIN} with triggers and foreign-key checks off (the rows are a
 * consistent snapshot already), sequences are set, and each table's row count is checked against
 * the one written at backup time. All in one transaction.
 */
final class DatabaseLoad {

    static final String CHANGE_LOG = "classpath:db-changelog/db.changelog-master.yaml";

    private DatabaseLoad() {
    }

    /** Reads the manifest, the first entry of the ZIP. */
    static Manifest manifest(ZipInputStream zip) throws IOException {
        ZipEntry first;
        try {
            first = zip.getNextEntry();
        } catch (ZipException e) {
            throw new BackupFormatException("The file is not a backup of Protection Cases (not a ZIP file).");
        }
        if (first == null || !Manifest.ENTRY.equals(first.getName())) {
            throw new BackupFormatException("The file is not a backup of Protection Cases (no manifest).");
        }
        return Manifest.parse(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Builds the schema, loads the rest of {@code zip} (positioned after the manifest) and returns the row counts. */
    static Map<String, Long> load(DataSource dataSource, Manifest manifest, ZipInputStream zip) throws IOException, SQLException {
        migrate(dataSource, manifest.changeSets().size());
        try (Connection c = dataSource.getConnection()) {
            checkSchema(c, manifest);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local statement_timeout = 0");
                s.execute("set local session_replication_role = replica");
                List<String> tables = manifest.tables().stream().map(Manifest.Table::quoted).toList();
                if (!tables.isEmpty()) {
                    s.execute("truncate " + String.join(", ", tables));
                }
                Map<String, Manifest.Table> byName = new LinkedHashMap<>();
                manifest.tables().forEach(t -> byName.put(t.name(), t));
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                Map<String, Long> loaded = new LinkedHashMap<>();
                Map<String, Long> expected = null;
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (Manifest.isTableEntry(e.getName())) {
                        Manifest.Table t = byName.get(Manifest.tableOf(e.getName()));
                        if (t == null) {
                            throw new BackupFormatException("The backup holds a table its manifest does not name: " + e.getName());
                        }
                        loaded.put(t.name(), copy.copyIn("copy " + t.quoted() + " (" + t.quotedColumns() + ") from stdin",
                                new Unclosed(zip)));
                    } else if (Manifest.COUNTS.equals(e.getName())) {
                        expected = Manifest.parseCounts(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
                if (expected == null) {
                    throw new BackupFormatException("The backup is cut off: its row counts are missing.");
                }
                if (!expected.equals(loaded)) {
                    throw new BackupFormatException("The backup is incomplete: rows loaded " + loaded + ", rows written " + expected);
                }
                for (Manifest.SequenceValue q : manifest.sequences()) {
                    try (PreparedStatement p = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
                        p.setString(1, Manifest.quote(q.name()));
                        p.setLong(2, q.lastValue());
                        p.setBoolean(3, q.called());
                        p.execute();
                    }
                }
                c.commit();
                return loaded;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void migrate(DataSource dataSource, int changeSets) throws SQLException {
        SpringLiquibase liquibase = new SpringLiquibase() {
            @Override
            protected void performUpdate(Liquibase lb) throws LiquibaseException {
                lb.update(changeSets, new Contexts(), new LabelExpression());
            }
        };
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog(CHANGE_LOG);
        liquibase.setResourceLoader(new DefaultResourceLoader(DatabaseLoad.class.getClassLoader()));
        try {
            liquibase.afterPropertiesSet();
        } catch (LiquibaseException e) {
            throw new SQLException("Could not build the schema of the backup: " + e.getMessage(), e);
        }
    }

    /** The changesets Liquibase ran must be the backup's, in the same order, and every table must exist with its columns. */
    private static void checkSchema(Connection c, Manifest manifest) throws SQLException, BackupFormatException {
        List<Manifest.ChangeSet> ran = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, author, filename from databasechangelog order by orderexecuted, dateexecuted")) {
            while (rs.next()) {
                ran.add(new Manifest.ChangeSet(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        if (!new HashSet<>(ran).equals(new HashSet<>(manifest.changeSets())) || ran.size() != manifest.changeSets().size()) {
            throw new BackupFormatException("This backup was made by a version of Protection Cases whose database changes are not"
                    + " the first " + manifest.changeSets().size() + " of this version's: restore it with the version that made it"
                    + " (its last change: " + (manifest.changeSets().isEmpty() ? "none"
                    : manifest.changeSets().getLast().id()) + ").");
        }
        Set<String> missing = new HashSet<>();
        for (Manifest.Table t : manifest.tables()) {
            try (PreparedStatement p = c.prepareStatement("select count(*) from pg_attribute where attrelid = to_regclass(?)"
                    + " and attnum > 0 and not attisdropped and attname = any(?)")) {
                p.setString(1, t.quoted());
                p.setArray(2, c.createArrayOf("text", t.columns().toArray()));
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != t.columns().size()) {
                        missing.add(t.name());
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new BackupFormatException("The schema built for this backup lacks tables or columns it holds: " + missing);
        }
    }

    /** COPY reads the current ZIP entry to its end; it must not close the ZIP stream. */
    private static final class Unclosed extends FilterInputStream {
        Unclosed(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the next entry follows
        }
    }
}
