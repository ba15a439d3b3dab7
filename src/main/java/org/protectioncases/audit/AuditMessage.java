package org.protectioncases.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.FieldChanges;
import org.protectioncases.shared.i18n.AppI18NProvider;
import org.protectioncases.shared.i18n.Formats;

/**
 * A history entry's details as data, rendered in the reader's language: a message key of the
 * bundles and its arguments. An argument starting with {@value #KEYS} is a comma-separated list of
 * message keys (code values such as a session's mode or topics), each translated when shown; text
 * that itself starts with it is escaped by {@link #text}.
 *
 * @param key     the message key, e.g. {@code history.session.logged}
 * @param args    the arguments, as text (dates already formatted dd.MM.yyyy)
 * @param english the same in English, kept as the entry's details for the log, exports and readers without the bundles
 */
public record AuditMessage(String key, List<String> args, String english) {

    public static final String KEYS = "#";
    /** Marks a text argument that would otherwise read as message keys. */
    public static final String ESCAPE = "\\";
    /** A record's changed fields: the arguments come in threes, label, old value, new value ({@link #changes}). */
    public static final String CHANGES = "history.changes";
    /** Shown for a value that is not there. */
    public static final String NONE = "–";

    public AuditMessage {
        args = List.copyOf(args);
    }

    /** The entry of a record withdrawn because the import batch that created it was undone. */
    public static AuditMessage importUndone(long batchId) {
        return new AuditMessage("history.import.withdrawn", List.of(String.valueOf(batchId)), "import batch " + batchId + " undone");
    }

    /** An argument shown as the translations of these message keys, comma-separated. */
    public static String keys(Collection<String> messageKeys) {
        return KEYS + String.join(",", messageKeys);
    }

    /** An argument shown as written (a reason typed by the user), whatever it starts with. */
    public static String text(String text) {
        return text.startsWith(KEYS) || text.startsWith(ESCAPE) ? ESCAPE + text : text;
    }

    /**
     * The fields that differ between two versions of a record: per field its label (the bundle key
     * {@code labelPrefix.field}, or the same without a suffix such as Code or Date, e.g.
     * {@code person.municipality} for {@code municipalityCode}; the field's name if there is none),
     * the old and the new value, code values as their message keys, dates as dd.MM.yyyy. The
     * details keep the English "field: old → new" text.
     */
    public static AuditMessage changes(String labelPrefix, Record before, Record after) {
        List<String> args = new ArrayList<>();
        for (FieldChanges.Change c : FieldChanges.of(before, after)) {
            args.add(label(labelPrefix, c.field()));
            args.add(value(c.before()));
            args.add(value(c.after()));
        }
        return new AuditMessage(CHANGES, args, FieldChanges.between(before, after));
    }

    private static String label(String prefix, String field) {
        String key = prefix + "." + field;
        if (AppI18NProvider.has(key)) {
            return keys(List.of(key));
        }
        String shorter = key.replaceFirst("(Code|Date|Minutes|Used|Status)$", "");
        return AppI18NProvider.has(shorter) ? keys(List.of(shorter)) : text(field);
    }

    static String value(@Nullable Object value) {
        return switch (value) {
            case null -> NONE;
            case String s when s.isBlank() -> NONE;
            case String s -> text(s.strip());
            case Boolean b -> keys(List.of(b ? "common.yes" : "common.no"));
            case LocalDate d -> Formats.date(d);
            case LocalDateTime t -> Formats.dateTime(t);
            case Enum<?> e -> messageKey(e) == null ? e.name() : keys(List.of(messageKey(e)));
            case Collection<?> items when items.isEmpty() -> NONE;
            case Collection<?> items when items.stream().allMatch(i -> i instanceof Enum<?> e && messageKey(e) != null) ->
                    keys(items.stream().map(i -> messageKey((Enum<?>) i)).sorted().toList());
            default -> text(String.valueOf(value));
        };
    }

    /** The enum's own {@code messageKey()}, if it has one (the code values shown to users do). */
    private static @Nullable String messageKey(Enum<?> e) {
        try {
            return e.getDeclaringClass().getMethod("messageKey").invoke(e) instanceof String key ? key : null;
        } catch (ReflectiveOperationException | RuntimeException ex) {
            return null;
        }
    }
}
