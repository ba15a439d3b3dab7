package org.protectioncases.imports;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Folds a header or a value for matching: Serbian Cyrillic to Latin, diacritics off (ë→e, č→c,
 * đ→dj), lower case, everything but letters and digits to single spaces. "Žensko", "ZENSKO" and
 * "Женско" fold alike.
 */
final class TextFolding {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('ђ', "dj"), Map.entry('е', "e"), Map.entry('ж', "z"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('ј', "j"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('љ', "lj"), Map.entry('м', "m"),
            Map.entry('н', "n"), Map.entry('њ', "nj"), Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"),
            Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('ћ', "c"), Map.entry('у', "u"), Map.entry('ф', "f"),
            Map.entry('х', "h"), Map.entry('ц', "c"), Map.entry('ч', "c"), Map.entry('џ', "dz"), Map.entry('ш', "s"));

    private TextFolding() {
    }

    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String t = CYRILLIC.get(c);
            if (t != null) {
                latin.append(t);
            } else if (c == 'đ') {
                latin.append("dj");
            } else {
                latin.append(c);
            }
        }
        String stripped = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return stripped.replaceAll("[^\\p{Alnum}]+", " ").strip();
    }
}
