package org.protectioncases.shared.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The UI languages. Serbian is written in Latin script. */
public enum Language {
    EN("en", "English"),
    SQ("sq", "Shqip"),
    SR("sr", "Srpski (latinica)");

    private final String code;
    private final String nativeName;

    Language(String code, String nativeName) {
        this.code = code;
        this.nativeName = nativeName;
    }

    public String code() {
        return code;
    }

    /** The language's name in itself, so users can find their language whatever the UI shows. */
    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return Locale.of(code);
    }

    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equalsIgnoreCase(code)).findFirst();
    }

    /** The best UI language for a locale, English when none matches. */
    public static Language of(Locale locale) {
        return fromCode(locale.getLanguage()).orElse(EN);
    }
}
