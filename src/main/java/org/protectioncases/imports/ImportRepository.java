package org.protectioncases.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Batches, their rows and saved mappings (row-level security scopes every statement to the partner). */
@Repository
class ImportRepository {

    /** One imported row: what it created or linked, and the person's (case's, session's) state then (for undo). */
    record RecordRow(int row, long personId, String action, long version, int groups) {
    }

    /** The entity type of a kind's records. */
    static String entityType(ImportKind kind) {
        return switch (kind) {
            case PEOPLE -> "person";
            case CASES -> "case";
            case SESSIONS -> "session";
        };
    }

    private final JdbcClient jdbc;

    ImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertBatch(long partnerId, ImportKind kind, String fileName, String sha256, int rowCount, ImportMode mode, String by) {
        return jdbc.sql("""
                        insert into import_batch (partner_id, kind, file_name, file_sha256, row_count, mode, created_by)
                        values (:p, :k, :f, :h, :r, :m, :b) returning id""")
                .param("p", partnerId).param("k", kind.name()).param("f", fileName).param("h", sha256).param("r", rowCount).param("m", mode.name())
                .param("b", by).query(Long.class).single();
    }

    /** A batch that failed: only this row says it was tried (its own transaction; the import's rolled back). */
    long insertFailedBatch(long partnerId, ImportKind kind, String fileName, String sha256, int rowCount, ImportMode mode, String by,
                           ImportFailure failure) {
        return jdbc.sql("""
                        insert into import_batch (partner_id, kind, file_name, file_sha256, row_count, mode, created_by, skipped_count, failure)
                        values (:p, :k, :f, :h, :r, :m, :b, :r, :x) returning id""")
                .param("p", partnerId).param("k", kind.name()).param("f", fileName).param("h", sha256).param("r", rowCount).param("m", mode.name())
                .param("b", by).param("x", failure.name()).query(Long.class).single();
    }

    /**
     * Waits for nobody: true if this transaction now holds the partner's import lock (released at its
     * end), false if another transaction, on any node, is importing for the partner.
     */
    boolean tryLockPartner(long partnerId) {
        return jdbc.sql("select pg_try_advisory_xact_lock(:k)").param("k", IMPORT_LOCK_BASE + partnerId).query(Boolean.class).single();
    }

    /** Advisory lock keys of imports: this base plus the partner id (no other lock of the app uses this range). */
    private static final long IMPORT_LOCK_BASE = 15L << 40;

    void setCounts(long batchId, int created, int linked, int skipped) {
        jdbc.sql("update import_batch set created_count = :c, linked_count = :l, skipped_count = :s where id = :id")
                .param("c", created).param("l", linked).param("s", skipped).param("id", batchId).update();
    }

    void insertRecords(long batchId, long partnerId, List<RecordRow> rows) {
        insertRecords(batchId, partnerId, ImportKind.PEOPLE, rows);
    }

    /** The batch's records, one {@code insert … select from unnest} per 5,000 (was a JDBC batch of one insert per row). */
    void insertRecords(long batchId, long partnerId, ImportKind kind, List<RecordRow> rows) {
        for (int from = 0; from < rows.size(); from += 5_000) {
            List<RecordRow> chunk = rows.subList(from, Math.min(rows.size(), from + 5_000));
            jdbc.sql("""
                            insert into import_record (batch_id, row_no, partner_id, entity_type, entity_id, action, entity_version, group_count)
                            select :batch, u.r, :partner, :type, u.e, u.a, u.v, u.g
                            from unnest(cast(:r as integer[]), cast(:e as bigint[]), cast(:a as text[]), cast(:v as bigint[]),
                                        cast(:g as integer[])) as u(r, e, a, v, g)""")
                    .param("batch", batchId).param("partner", partnerId).param("type", entityType(kind))
                    .param("r", chunk.stream().map(RecordRow::row).toArray(Integer[]::new))
                    .param("e", chunk.stream().map(RecordRow::personId).toArray(Long[]::new))
                    .param("a", chunk.stream().map(RecordRow::action).toArray(String[]::new))
                    .param("v", chunk.stream().map(RecordRow::version).toArray(Long[]::new))
                    .param("g", chunk.stream().map(RecordRow::groups).toArray(Integer[]::new))
                    .update();
        }
    }

    List<RecordRow> records(long batchId) {
        return jdbc.sql("select row_no, entity_id, action, entity_version, group_count from import_record where batch_id = :b order by row_no")
                .param("b", batchId)
                .query((rs, i) -> new RecordRow(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5))).list();
    }

    /** The latest batch of this partner from a file with this hash that is still in place. */
    Optional<BatchSummary> latestByHash(String sha256) {
        return jdbc.sql(SELECT + " where file_sha256 = :h and undone_at is null and failure is null order by created_at desc limit 1")
                .param("h", sha256).query(ImportRepository::summary).optional();
    }

    Optional<BatchSummary> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(ImportRepository::summary).optional();
    }

    /** Locks the batch row so two undos (or an undo and a look) do not interleave. */
    Optional<BatchSummary> findForUpdate(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(ImportRepository::summary).optional();
    }

    List<BatchSummary> page(int offset, int limit) {
        return jdbc.sql(SELECT + " order by created_at desc, id desc offset :o limit :l").param("o", offset).param("l", limit)
                .query(ImportRepository::summary).list();
    }

    long count() {
        return jdbc.sql("select count(*) from import_batch").query(Long.class).single();
    }

    void markUndone(long id, String by, OffsetDateTime at) {
        jdbc.sql("update import_batch set undone_by = :b, undone_at = :t where id = :id").param("b", by).param("t", at)
                .param("id", id).update();
    }

    Map<String, ImportField> mappings(ImportKind kind) {
        Map<String, ImportField> map = new HashMap<>();
        jdbc.sql("select header, field from import_mapping where kind = :k").param("k", kind.name()).query(rs -> {
            try {
                ImportField field = ImportField.valueOf(rs.getString(2));
                if (field.kind() == kind) {
                    map.put(rs.getString(1), field);
                }
            } catch (IllegalArgumentException e) {
                // A field renamed since: the automatic mapping takes over for that header.
            }
        });
        return map;
    }

    void saveMapping(long partnerId, String foldedHeader, ImportField field, String by) {
        jdbc.sql("""
                        insert into import_mapping (partner_id, kind, header, field, updated_by) values (:p, :k, :h, :f, :b)
                        on conflict (partner_id, kind, header) do update set field = excluded.field, updated_by = excluded.updated_by,
                        updated_at = now()""")
                .param("p", partnerId).param("k", field.kind().name()).param("h", foldedHeader).param("f", field.name()).param("b", by)
                .update();
    }

    private static final String SELECT = """
            select id, kind, file_name, file_sha256, row_count, created_count, linked_count, skipped_count, mode, created_by,
                   created_at, undone_by, undone_at, failure from import_batch""";

    private static BatchSummary summary(ResultSet rs, int i) throws SQLException {
        return new BatchSummary(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getString("file_sha256"), rs.getInt("row_count"),
                rs.getInt("created_count"), rs.getInt("linked_count"), rs.getInt("skipped_count"), ImportMode.valueOf(rs.getString("mode")),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("undone_by"),
                rs.getObject("undone_at", OffsetDateTime.class), rs.getString("failure") == null ? null : ImportFailure.valueOf(rs.getString("failure")));
    }
}
