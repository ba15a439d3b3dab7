package org.protectioncases.shared.ui;

import com.vaadin.flow.server.VaadinService;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.StaffNames;

/**
 * Staff as pages show them: by full name, not username (see {@link StaffNames}). For views and
 * their static helpers (history grids, session cards), so none of them needs another constructor
 * argument; services inject {@link StaffNames} instead.
 */
public final class Staff {

    private Staff() {
    }

    /** The full name of the account {@code username}, or the username if there is none. */
    public static String name(@Nullable String username) {
        StaffNames names = directory();
        return names == null ? (username == null ? "" : username) : names.name(username);
    }

    /** A history entry's details with usernames replaced by names. */
    public static String inText(@Nullable String text) {
        StaffNames names = directory();
        return names == null ? (text == null ? "" : text) : names.inText(text);
    }

    public static String names(Collection<String> usernames) {
        StaffNames names = directory();
        return names == null ? String.join(", ", usernames) : names.names(usernames);
    }

    /** A comma-separated list of usernames as names. */
    public static String namesOf(@Nullable String commaSeparatedUsernames) {
        StaffNames names = directory();
        return names == null ? (commaSeparatedUsernames == null ? "" : commaSeparatedUsernames) : names.namesOf(commaSeparatedUsernames);
    }

    /** The Spring bean through Vaadin's instantiator; null outside a Vaadin request (then usernames show). */
    private static @Nullable StaffNames directory() {
        VaadinService service = VaadinService.getCurrent();
        return service == null ? null : service.getInstantiator().getOrCreate(StaffNames.class);
    }
}
