package org.protectioncases.shared;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The fields that differ between two versions of a record DTO: as data, and as "field: old → new" for the log. */
public final class FieldChanges {

    private FieldChanges() {
    }

    /** One changed field: the record component's name and its two values. */
    public record Change(String field, @Nullable Object before, @Nullable Object after) {
    }

    public static List<Change> of(Record before, Record after) {
        List<Change> changes = new ArrayList<>();
        for (RecordComponent c : before.getClass().getRecordComponents()) {
            try {
                Object a = c.getAccessor().invoke(before);
                Object b = c.getAccessor().invoke(after);
                if (!Objects.equals(normalise(a), normalise(b))) {
                    changes.add(new Change(c.getName(), a, b));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changes;
    }

    public static String between(Record before, Record after) {
        return String.join("; ", of(before, after).stream().map(c -> c.field() + ": " + c.before() + " → " + c.after()).toList());
    }

    private static @Nullable Object normalise(@Nullable Object value) {
        return value instanceof String s && s.isBlank() ? null : value instanceof String s ? s.strip() : value;
    }
}
