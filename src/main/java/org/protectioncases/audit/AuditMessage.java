package org.protectioncases.audit;

import java.util.List;

/**
 * A history entry's details as data, rendered in the reader's language: a message key of the
 * bundles and its arguments. An argument starting with {@value #KEYS} is a comma-separated list of
 * message keys (code values such as a session's mode or topics), each translated when shown.
 *
 * @param key     the message key, e.g. {@code history.session.logged}
 * @param args    the arguments, as text (dates already formatted dd.MM.yyyy)
 * @param english the same in English, kept as the entry's details for the log, exports and readers without the bundles
 */
public record AuditMessage(String key, List<String> args, String english) {

    public static final String KEYS = "#";

    public AuditMessage {
        args = List.copyOf(args);
    }

    /** An argument shown as the translations of these message keys, comma-separated. */
    public static String keys(java.util.Collection<String> messageKeys) {
        return KEYS + String.join(",", messageKeys);
    }
}
