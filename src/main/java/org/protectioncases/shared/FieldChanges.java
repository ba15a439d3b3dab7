package org.protectioncases.shared;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** "field: old → new" for the audit trail, from two versions of a record DTO. */
public final class FieldChanges {

    private FieldChanges() {
    }

    public static String between(Record before, Record after) {
        List<String> changes = new ArrayList<>();
        for (RecordComponent c : before.getClass().getRecordComponents()) {
            try {
                Object a = c.getAccessor().invoke(before);
                Object b = c.getAccessor().invoke(after);
                if (!Objects.equals(normalise(a), normalise(b))) {
                    changes.add(c.getName() + ": " + a + " → " + b);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join("; ", changes);
    }

    private static Object normalise(Object value) {
        return value instanceof String s && s.isBlank() ? null : value instanceof String s ? s.strip() : value;
    }
}
