package org.protectioncases.shared.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * All UI text comes from {@code messages_<lang>.properties} (UTF-8). A missing key shows as
 * {@code !key!} and is logged rather than failing the page; a test keeps the bundles in step.
 *
 * <p>Counts use ICU's plural syntax ({@code {0,plural,one{# session} other{# sessions}}}, see
 * {@link Plurals}); a number given as a plain {@code {0}} is written by {@link Formats}, so a page,
 * a download and a PDF show {@code 1.234} alike in Albanian and Serbian.
 */
@Component
public class AppI18NProvider implements I18NProvider {

    public static final String BUNDLE = "messages";
    private static final Logger log = LoggerFactory.getLogger(AppI18NProvider.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return Arrays.stream(Language.values()).map(Language::locale).toList();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return text(locale, key, params);
    }

    /**
     * The text for {@code key} in the UI language closest to {@code locale}, for code that runs
     * outside a component (PDFs, downloads, formats); views use {@code getTranslation}.
     */
    public static String text(Locale locale, String key, Object... params) {
        Language language = Language.of(locale == null ? Locale.ENGLISH : locale);
        Locale target = language.locale();
        try {
            String pattern = pattern(language, key);
            if (params.length == 0) {
                return pattern;
            }
            String expanded = Plurals.expand(pattern, language, target, params);
            Object[] args = params.clone();
            for (int i = 0; i < args.length; i++) {
                // A typed placeholder ({0,number,...}, {0,date,...}) keeps its own format.
                if (args[i] instanceof Number n && !expanded.contains("{" + i + ",")) {
                    args[i] = Formats.number(target, n);
                }
            }
            return new MessageFormat(expanded, target).format(args);
        } catch (MissingResourceException e) {
            log.warn("Missing message key '{}' for locale {}", key, target);
            return "!" + key + "!";
        }
    }

    /** Whether the bundles have {@code key} (checked in English, the bundle every key must be in). */
    public static boolean has(String key) {
        return bundle(Language.EN).containsKey(key);
    }

    /** The raw text (pattern) of {@code key} in the language; Serbian Cyrillic from the converted Latin bundle. */
    static String pattern(Language language, String key) {
        if (language == Language.SR_CYRL) {
            String text = CyrillicBundle.TEXTS.get(key);
            if (text == null) {
                throw new MissingResourceException("No Serbian text", BUNDLE, key);
            }
            return text;
        }
        return bundle(language).getString(key);
    }

    static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(BUNDLE, language.bundle().locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The Serbian Cyrillic bundle: every Serbian Latin text converted once, when first needed. */
    static final class CyrillicBundle {

        static final Map<String, String> TEXTS = load();

        private CyrillicBundle() {
        }

        private static Map<String, String> load() {
            ResourceBundle latin = bundle(Language.SR);
            Map<String, String> texts = new HashMap<>();
            for (String key : latin.keySet()) {
                texts.put(key, SerbianCyrillic.convert(latin.getString(key)));
            }
            return Map.copyOf(texts);
        }
    }
}
