package org.protectioncases.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes the application's schema as a logical dump: every table of the current schema through
 * {@code COPY ... TO STDOUT} (PostgreSQL's text format), all in one repeatable-read, read-only
 * transaction, so the tables agree with each other as of one moment. The schema itself is not
 * written: it is what Liquibase builds, and the manifest names the changesets that had run.
 *
 * <p>ZIP entries, in this order: {@value Manifest#ENTRY}, one {@code tables/NAME.tsv} per table, and
 * {@value Manifest#COUNTS} with each table's row count. ({@code pg_dump} is not among the zonky
 * binaries the embedded database ships with; this needs nothing but the JDBC driver.)
 */
final class DatabaseDump {

    private DatabaseDump() {
    }

    /** Dumps into {@code out} (left open) and returns the row count of each table. */
    static Map<String, Long> write(Connection c, OutputStream out, Instant at) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try (Statement s = c.createStatement()) {
            s.execute("set local statement_timeout = 0");
            Manifest manifest = read(c, at);
            ZipOutputStream zip = new ZipOutputStream(new Unclosed(out), StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
            zip.write(manifest.text().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Manifest.Table t : manifest.tables()) {
                zip.putNextEntry(new ZipEntry(Manifest.tableEntry(t.name())));
                counts.put(t.name(), copy.copyOut("copy " + t.quoted() + " (" + t.quotedColumns() + ") to stdout", zip));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(Manifest.COUNTS));
            zip.write(Manifest.countsText(counts).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            c.commit();
            return counts;
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setReadOnly(false);
            c.setAutoCommit(autoCommit);
        }
    }

    private static Manifest read(Connection c, Instant at) throws SQLException {
        List<Manifest.ChangeSet> changeSets = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, author, filename from databasechangelog order by orderexecuted, dateexecuted")) {
            while (rs.next()) {
                changeSets.add(new Manifest.ChangeSet(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        List<Manifest.Table> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select c.relname, string_agg(a.attname, ',' order by a.attnum)
                       from pg_class c
                       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                      where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
                        and c.relname not in ('databasechangelog', 'databasechangeloglock')
                      group by c.relname order by c.relname""")) {
            while (rs.next()) {
                tables.add(new Manifest.Table(rs.getString(1), List.of(rs.getString(2).split(","))));
            }
        }
        List<Manifest.SequenceValue> sequences = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select relname from pg_class where relnamespace = current_schema()::regnamespace"
                     + " and relkind = 'S' order by relname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            try (PreparedStatement p = c.prepareStatement("select last_value, is_called from " + Manifest.quote(name));
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                sequences.add(new Manifest.SequenceValue(name, rs.getLong(1), rs.getBoolean(2)));
            }
        }
        String version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            version = rs.getString(1);
        }
        return new Manifest(Manifest.FORMAT, at, version, changeSets, tables, sequences);
    }

    /** COPY and the ZIP stream must not close the file underneath (the cipher's last chunk is still to come). */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
