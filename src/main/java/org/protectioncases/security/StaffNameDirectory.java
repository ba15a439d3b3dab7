package org.protectioncases.security;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.StaffNames;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Full names of all accounts, read in one query and kept for a minute: a few hundred staff, asked
 * for once per grid row. An administrator's change shows within a minute on every node (at once on
 * this one when the change affects access); an account created since the last read is found by
 * reading again, at most every ten seconds. Staff names are not personal data of the people of
 * concern and are shown across partners (a UNHCR manager sees who holds a case).
 */
@Component
class StaffNameDirectory implements StaffNames {

    private static final long TTL_NANOS = 60_000_000_000L;
    private static final long MISS_RELOAD_NANOS = 10_000_000_000L;

    private final JdbcClient jdbc;
    private volatile Map<String, String> names = Map.of();
    private volatile long loadedAt;
    private volatile boolean loaded;

    StaffNameDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name(@Nullable String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        String key = username.strip().toLowerCase(Locale.ROOT);
        long now = System.nanoTime();
        if (!loaded || now - loadedAt > TTL_NANOS) {
            reload(now);
        }
        String name = names.get(key);
        if (name == null && now - loadedAt > MISS_RELOAD_NANOS) {
            reload(now);
            name = names.get(key);
        }
        return name == null || name.isBlank() ? username : name;
    }

    private static final Pattern USERNAME_LIKE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");

    @Override
    public String inText(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        long now = System.nanoTime();
        if (!loaded || now - loadedAt > TTL_NANOS) {
            reload(now);
        }
        Map<String, String> known = names;
        Matcher m = USERNAME_LIKE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // Only tokens containing a dot or dash are taken for usernames: codes (OPEN, CIVIL_DOCUMENTATION) stay.
            String token = m.group();
            String name = token.indexOf('.') > 0 || token.indexOf('-') > 0 ? known.get(token.toLowerCase(Locale.ROOT)) : null;
            m.appendReplacement(out, Matcher.quoteReplacement(name == null || name.isBlank() ? token : name));
        }
        m.appendTail(out);
        return out.toString();
    }

    private synchronized void reload(long now) {
        Map<String, String> fresh = new HashMap<>();
        jdbc.sql("select username, full_name from user_account")
                .query(rs -> {
                    fresh.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                });
        names = Map.copyOf(fresh);
        loadedAt = now;
        loaded = true;
    }

    @EventListener
    void accessChanged(UserAccessChangedEvent event) {
        loaded = false;
    }
}
