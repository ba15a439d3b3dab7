package org.protectioncases.shared.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Remembers, for a lazy grid in its default (newest first) order, the id of the last row before
 * each offset it has fetched, so the next page can continue after that id (keyset) instead of
 * making the database skip every earlier row (offset). A grid scrolled page by page always finds
 * its key; one dragged far down asks for an offset never reached and falls back to offset paging.
 * Forget everything when the filter or the order changes. One instance per grid (per UI), not shared.
 */
public final class KeysetPages<T> {

    /** Pages remembered; a user scrolling through more than this many only loses the shortcut for the oldest. */
    private static final int MAX_KEYS = 2_000;

    private final ToLongFunction<T> id;
    private final Map<Long, Long> lastIdBefore = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public KeysetPages(ToLongFunction<T> id) {
        this.id = id;
    }

    /** The id of the row just before {@code offset}, if this grid fetched it; null: use the offset. */
    public @Nullable Long after(long offset) {
        return offset == 0 ? null : lastIdBefore.get(offset);
    }

    /** Notes the page fetched at {@code offset}; returns it unchanged. */
    public List<T> fetched(long offset, List<T> rows) {
        if (!rows.isEmpty()) {
            lastIdBefore.put(offset + rows.size(), id.applyAsLong(rows.getLast()));
        }
        return rows;
    }

    public void forget() {
        lastIdBefore.clear();
    }
}
