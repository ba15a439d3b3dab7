package org.protectioncases.reports.factsheet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.protectioncases.shared.db.ReportBulkhead;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Factsheets and breakdowns already computed, by request (what, scope, year, as-of date), each kept
 * with the data version it was computed on (issue #17: a repeated factsheet in milliseconds
 * instead of 0.8 s at 1 M people). The version is read from {@code report_data_change} in the
 * report's own REPEATABLE READ snapshot; every committed change to what the factsheet counts adds a
 * row there, so an entry is used only while nothing it counted can have changed, whichever app node
 * wrote. In memory and per node; at most {@value #MAX_ENTRIES} entries, least recently used first out.
 */
@Component
class FactsheetCache {

    static final int MAX_ENTRIES = 256;

    /** The data a report saw: rows in report_data_change and the sum of their ids (both change with any new commit). */
    record DataVersion(long changes, long idSum) {
    }

    private record Cached(DataVersion version, Object value) {
    }

    private final JdbcClient jdbc;
    private final Map<Object, Cached> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Cached> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    FactsheetCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version of the data in the current transaction's snapshot (which must be REPEATABLE READ). */
    DataVersion currentVersion() {
        return jdbc.sql("select count(*) as changes, coalesce(sum(id), 0) as id_sum from report_data_change")
                .query((rs, n) -> new DataVersion(rs.getLong("changes"), rs.getLong("id_sum"))).single();
    }

    /** The cached value for {@code key} if computed on {@code version}, else {@code compute}'s (then kept). */
    @SuppressWarnings("unchecked")
    <T> T get(Object key, DataVersion version, Supplier<T> compute) {
        synchronized (entries) {
            Cached e = entries.get(key);
            if (e != null && e.version().equals(version)) {
                hits.incrementAndGet();
                return (T) e.value();
            }
        }
        if (ReportBulkhead.cachedOnly()) {
            throw ReportBulkhead.notCached(); // every report slot is busy: computing waits for one
        }
        misses.incrementAndGet();
        T value = compute.get();
        synchronized (entries) {
            entries.put(key, new Cached(version, value));
        }
        return value;
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }
}
