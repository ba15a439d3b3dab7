package org.protectioncases.reference;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.i18n.SerbianCyrillic;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Kosovo's 38 municipalities and the world's countries, seeded by Liquibase, named in the UI
 * language. Small and read-only, so cached per language.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ReferenceDataService {

    private final JdbcClient jdbc;
    private final Map<String, List<ReferenceItem>> cache = new ConcurrentHashMap<>();

    ReferenceDataService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Municipalities sorted by their name in {@code locale}'s language. */
    public List<ReferenceItem> municipalities(Locale locale) {
        return load("municipality", locale);
    }

    /** Countries sorted by their name in {@code locale}'s language; Kosovo's neighbours are in it too. */
    public List<ReferenceItem> countries(Locale locale) {
        return load("country", locale);
    }

    private List<ReferenceItem> load(String table, Locale locale) {
        Language language = Language.of(locale);
        // Serbian Cyrillic names are the Serbian (Latin) column converted for display; the order is the same.
        String column = "name_" + language.bundle().code();
        return cache.computeIfAbsent(table + ":" + language.code(), key -> jdbc
                // table and column come from this class and the Language enum, never from input
                .sql("select code, " + column + " as name from " + table + " order by " + column)
                .query((rs, i) -> new ReferenceItem(rs.getString("code").strip(),
                        SerbianCyrillic.forLocale(locale, rs.getString("name"))))
                .list());
    }
}
