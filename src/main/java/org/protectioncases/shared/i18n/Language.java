package org.protectioncases.shared.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The UI languages. Serbian is written in Latin or Cyrillic script: the Cyrillic texts are the Latin
 * bundle converted by {@link SerbianCyrillic} when it is loaded, so there are three bundles.
 *
 * <p>Each language carries a full locale, not a bare language: the bare {@code sq} means Albania's
 * conventions (12-hour clock, weeks from Sunday in the JDK) and the bare {@code sr} Cyrillic month
 * names, neither of which Kosovo uses. {@code sq-XK} and {@code sr-Latn-XK} give the 24-hour clock,
 * Monday first and Latin script wherever a library formats by locale (JDK, ICU in the browser);
 * English is {@code en-GB} for the same reasons and because the texts are British English.
 * The message bundles stay per language ({@code messages_sq}), found through the locale's fallback.
 * {@code sr-Cyrl-XK} gives Cyrillic month names where the JDK or the browser formats by locale.
 */
public enum Language {
    EN("en", "English", Locale.forLanguageTag("en-GB")),
    SQ("sq", "Shqip", Locale.forLanguageTag("sq-XK")),
    SR("sr", "Srpski (latinica)", Locale.forLanguageTag("sr-Latn-XK")),
    /** Stored as {@code sr-Cyrl} (also the page's {@code lang}); texts from the Serbian Latin bundle. */
    SR_CYRL("sr-Cyrl", "Српски (ћирилица)", Locale.forLanguageTag("sr-Cyrl-XK"));

    private final String code;
    private final String nativeName;
    private final Locale locale;

    Language(String code, String nativeName, Locale locale) {
        this.code = code;
        this.nativeName = nativeName;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    /** The language's name in itself, so users can find their language whatever the UI shows. */
    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equalsIgnoreCase(code)).findFirst();
    }

    /** The language whose message bundle (and reference data column) this language's texts come from. */
    public Language bundle() {
        return this == SR_CYRL ? SR : this;
    }

    /**
     * The best UI language for a locale, English when none matches. Serbian is Latin unless the
     * locale names the Cyrillic script ({@code sr-Cyrl-XK}, or {@code sr-cyrl} as a stored code
     * read by {@code Locale.of}).
     */
    public static Language of(Locale locale) {
        if (locale.getLanguage().equals("sr") && locale.getScript().equals("Cyrl")) {
            return SR_CYRL;
        }
        return fromCode(locale.getLanguage()).orElse(EN);
    }
}
