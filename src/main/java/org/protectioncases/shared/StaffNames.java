package org.protectioncases.shared;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Staff are shown by their full name ("Arben Krasniqi"), never by their username: records store
 * the username (assigned to, counsellor, changed by), pages, exports and PDFs show this. Only the
 * administration pages show usernames. Implemented by the security module (which owns the
 * accounts), cached there, so a grid may call it once per row.
 */
public interface StaffNames {

    /** The account's full name; the username itself if no account has it (e.g. "system"); "" for null. */
    String name(@Nullable String username);

    /**
     * {@code text} (a history entry's details, e.g. "assigned to lawyer.krct") with every username
     * of an account replaced by the account's full name.
     */
    String inText(@Nullable String text);

    /** Several usernames as names, comma-separated, in the given order. */
    default String names(Collection<String> usernames) {
        return usernames.stream().map(this::name).collect(Collectors.joining(", "));
    }

    /** A comma-separated list of usernames (as some queries return them) as names. */
    default String namesOf(@Nullable String commaSeparatedUsernames) {
        if (commaSeparatedUsernames == null || commaSeparatedUsernames.isBlank()) {
            return "";
        }
        return names(Arrays.stream(commaSeparatedUsernames.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList());
    }
}
