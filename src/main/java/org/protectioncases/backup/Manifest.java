package org.protectioncases.backup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a backup holds besides the rows: its format, when it was made, the PostgreSQL version, the
 * Liquibase changesets that had run (in order), each table's columns and each sequence's value.
 * Written as plain tab-separated lines so that an operator can read it with {@code unzip -p}.
 */
record Manifest(String format, Instant createdAt, String postgresVersion, List<ChangeSet> changeSets, List<Table> tables,
                List<SequenceValue> sequences) {

    static final String FORMAT = "protection-cases-backup-1";
    static final String ENTRY = "manifest.txt";
    static final String COUNTS = "counts.txt";
    private static final String TABLES = "tables/";

    record ChangeSet(String id, String author, String file) {
    }

    record Table(String name, List<String> columns) {
        String quoted() {
            return quote(name);
        }

        String quotedColumns() {
            return columns.stream().map(Manifest::quote).collect(Collectors.joining(", "));
        }
    }

    record SequenceValue(String name, long lastValue, boolean called) {
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String tableEntry(String table) {
        return TABLES + table + ".tsv";
    }

    static boolean isTableEntry(String entry) {
        return entry.startsWith(TABLES) && entry.endsWith(".tsv");
    }

    static String tableOf(String entry) {
        return entry.substring(TABLES.length(), entry.length() - ".tsv".length());
    }

    String text() {
        StringBuilder b = new StringBuilder();
        b.append("format\t").append(format).append('\n');
        b.append("created\t").append(createdAt).append('\n');
        b.append("postgres\t").append(postgresVersion).append('\n');
        changeSets.forEach(c -> b.append("changeset\t").append(c.id()).append('\t').append(c.author()).append('\t')
                .append(c.file()).append('\n'));
        tables.forEach(t -> b.append("table\t").append(t.name()).append('\t').append(String.join(",", t.columns())).append('\n'));
        sequences.forEach(s -> b.append("sequence\t").append(s.name()).append('\t').append(s.lastValue()).append('\t')
                .append(s.called()).append('\n'));
        return b.toString();
    }

    static Manifest parse(String text) throws BackupFormatException {
        String format = null;
        Instant created = null;
        String postgres = "";
        List<ChangeSet> changeSets = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<SequenceValue> sequences = new ArrayList<>();
        try {
            for (String line : text.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "format" -> format = f[1];
                    case "created" -> created = Instant.parse(f[1]);
                    case "postgres" -> postgres = f[1];
                    case "changeset" -> changeSets.add(new ChangeSet(f[1], f[2], f[3]));
                    case "table" -> tables.add(new Table(f[1], List.of(f[2].split(","))));
                    case "sequence" -> sequences.add(new SequenceValue(f[1], Long.parseLong(f[2]), Boolean.parseBoolean(f[3])));
                    default -> {
                        // a later format's extra line: ignored
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new BackupFormatException("The backup's manifest is damaged.");
        }
        if (!FORMAT.equals(format) || created == null) {
            throw new BackupFormatException("Not a backup of Protection Cases (format " + format + ").");
        }
        return new Manifest(format, created, postgres, changeSets, tables, sequences);
    }

    static String countsText(Map<String, Long> counts) {
        StringBuilder b = new StringBuilder();
        counts.forEach((t, n) -> b.append(t).append('\t').append(n).append('\n'));
        return b.toString();
    }

    static Map<String, Long> parseCounts(String text) throws BackupFormatException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try {
            for (String line : text.split("\n")) {
                if (!line.isEmpty()) {
                    String[] f = line.split("\t");
                    counts.put(f[0], Long.parseLong(f[1]));
                }
            }
        } catch (RuntimeException e) {
            throw new BackupFormatException("The backup's row counts are damaged.");
        }
        return counts;
    }
}
