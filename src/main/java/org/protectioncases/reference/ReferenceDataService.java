package org.protectioncases.reference;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.i18n.SerbianCyrillic;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Kosovo's 38 municipalities and the world's countries, seeded by Liquibase, named in the UI
 * language. Small and read-only, so cached per language.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ReferenceDataService {

    private final ReferenceDataRepository tables;
    private final Map<String, List<ReferenceItem>> cache = new ConcurrentHashMap<>();

    ReferenceDataService(ReferenceDataRepository tables) {
        this.tables = tables;
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
        return cache.computeIfAbsent(table + ":" + language.code(), key -> tables.rows(table, column).stream()
                .map(r -> new ReferenceItem(r.code(), SerbianCyrillic.forLocale(locale, r.name())))
                .toList());
    }
}
