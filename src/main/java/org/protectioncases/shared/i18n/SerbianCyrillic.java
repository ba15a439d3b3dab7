package org.protectioncases.shared.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serbian Latin to Serbian Cyrillic. The two scripts map letter for letter ({@code lj → љ},
 * {@code nj → њ}, {@code dž → џ}, {@code đ → ђ}, ...), so the Cyrillic UI is made from the Latin
 * bundle rather than kept as a fourth bundle that would drift.
 *
 * <p>What is not Serbian text is left as it is: message arguments and ICU syntax ({@code {0}},
 * {@code {0,number,#}}; in {@code {0,plural,one{…} few{…} other{…}}} only the branch texts are
 * converted, the argument and the keywords stay), HTML tags and entities, URLs and e-mail
 * addresses, file extensions ({@code .xlsx}), words with letters Serbian does not have
 * ({@code q w x y}: Excel, XLSX) and the acronyms in {@link #KEEP_LATIN} (UNHCR, PDF, ...), which
 * Serbian Cyrillic texts also print in Latin. An acronym's Serbian ending is converted
 * ({@code UNHCR-u → UNHCR-у}).
 *
 * <p>The rare words where {@code nj}, {@code lj} or {@code dž} are two letters (a prefix meeting a
 * root: {@code nadživeti → надживети}, {@code injekcija → инјекција}) are listed in
 * {@link #SPLIT_DIGRAPHS}; a new text with such a word needs its stem added there. People's names
 * are never converted: they are arguments, shown as typed.
 */
public final class SerbianCyrillic {

    /** Acronyms and codes that stay in Latin letters in Cyrillic text. */
    static final Set<String> KEEP_LATIN = Set.of("UNHCR", "UNOPS", "PDF", "CSV", "API", "JSON", "PNG", "JPEG", "USD", "QR",
            "KOS", "CRPK", "KRCT", "OK", "ID", "URL", "HTML", "SMS", "TOTP");

    /** Word stems (lower case) in which a digraph is two letters, with their Cyrillic spelling. */
    static final Map<String, String> SPLIT_DIGRAPHS = Map.of(
            "nadživ", "наджив", "podžanr", "поджанр", "odžal", "оджал",
            "injek", "инјек", "konjug", "конјуг", "konjunk", "конјунк",
            "vanjezi", "ванјези", "tanjug", "танјуг");

    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('a', "а"), Map.entry('b', "б"), Map.entry('c', "ц"), Map.entry('č', "ч"), Map.entry('ć', "ћ"),
            Map.entry('d', "д"), Map.entry('đ', "ђ"), Map.entry('e', "е"), Map.entry('f', "ф"), Map.entry('g', "г"),
            Map.entry('h', "х"), Map.entry('i', "и"), Map.entry('j', "ј"), Map.entry('k', "к"), Map.entry('l', "л"),
            Map.entry('m', "м"), Map.entry('n', "н"), Map.entry('o', "о"), Map.entry('p', "п"), Map.entry('r', "р"),
            Map.entry('s', "с"), Map.entry('š', "ш"), Map.entry('t', "т"), Map.entry('u', "у"), Map.entry('v', "в"),
            Map.entry('z', "з"), Map.entry('ž', "ж"));

    /** Text copied as it is: tags, entities, URLs, e-mail addresses. */
    private static final Pattern VERBATIM = Pattern.compile(
            "<[/!]?[a-zA-Z][^<>]*>|&(?:[a-zA-Z]+|#\\d+|#x[0-9a-fA-F]+);|(?:https?://|www\\.)[^\\s<>\"]+"
                    + "|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final List<String> CHOICE_TYPES = List.of("plural", "select", "selectordinal");

    private SerbianCyrillic() {
    }

    /** {@code text} in Cyrillic when {@code locale} is Serbian Cyrillic, otherwise unchanged (reference data, enum names). */
    public static String forLocale(Locale locale, String text) {
        return Language.of(locale) == Language.SR_CYRL ? convert(text) : text;
    }

    /** A Serbian Latin text (a message pattern, a label) in Cyrillic, leaving what is not Serbian text alone. */
    public static String convert(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher verbatim = VERBATIM.matcher(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                int end = matching(text, i);
                if (end < 0) {
                    out.append(text, i, text.length());
                    break;
                }
                out.append(argument(text.substring(i + 1, end)));
                i = end + 1;
            } else if ((c == '<' || c == '&' || Character.isLetterOrDigit(c) || c == 'w')
                    && verbatim.region(i, text.length()).lookingAt()) {
                out.append(verbatim.group());
                i = verbatim.end();
            } else if (Character.isLetter(c)) {
                int end = i;
                while (end < text.length() && Character.isLetter(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(i, end);
                boolean extension = i > 0 && text.charAt(i - 1) == '.' && (i == 1 || !Character.isLetterOrDigit(text.charAt(i - 2)));
                out.append(extension || keepsLatin(word) ? word : word(word));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean keepsLatin(String word) {
        return KEEP_LATIN.contains(word) || word.chars().anyMatch(ch -> "qwxyQWXY".indexOf(ch) >= 0);
    }

    /** One argument's inside, {@code 0} or {@code 0,number,#} or {@code 0,plural,one{…} other{…}}. */
    private static String argument(String inside) {
        int first = topLevelComma(inside, 0);
        if (first < 0) {
            return "{" + inside + "}";
        }
        int second = topLevelComma(inside, first + 1);
        String type = inside.substring(first + 1, second < 0 ? inside.length() : second).trim();
        if (second < 0 || !CHOICE_TYPES.contains(type)) {
            return "{" + inside + "}";
        }
        // Keywords, "=0", "offset:1" and spaces stay; each branch's text is converted (it may hold arguments).
        StringBuilder out = new StringBuilder("{").append(inside, 0, second + 1);
        int i = second + 1;
        while (i < inside.length()) {
            char c = inside.charAt(i);
            if (c == '{') {
                int end = matching(inside, i);
                if (end < 0) {
                    out.append(inside, i, inside.length());
                    break;
                }
                out.append('{').append(convert(inside.substring(i + 1, end))).append('}');
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.append('}').toString();
    }

    private static int topLevelComma(String s, int from) {
        int depth = 0;
        for (int j = from; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return j;
            }
        }
        return -1;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int j = open; j < s.length(); j++) {
            if (s.charAt(j) == '{') {
                depth++;
            } else if (s.charAt(j) == '}' && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    /** One word: split digraphs first, then letter by letter with lj, nj, dž as one letter; case kept. */
    static String word(String word) {
        StringBuilder out = new StringBuilder(word.length());
        String lower = word.toLowerCase(Locale.ROOT);
        int i = 0;
        for (Map.Entry<String, String> split : SPLIT_DIGRAPHS.entrySet()) {
            if (lower.startsWith(split.getKey())) {
                String cyrillic = split.getValue();
                for (int k = 0; k < cyrillic.length(); k++) {
                    // The stem's letters map one to one onto the word's, so each keeps its case.
                    char source = word.charAt(k < split.getKey().length() ? k : split.getKey().length() - 1);
                    out.append(Character.isUpperCase(source) ? Character.toUpperCase(cyrillic.charAt(k)) : cyrillic.charAt(k));
                }
                i = split.getKey().length();
                break;
            }
        }
        while (i < word.length()) {
            char c = word.charAt(i);
            char next = i + 1 < word.length() ? word.charAt(i + 1) : 0;
            char l = Character.toLowerCase(c);
            char ln = Character.toLowerCase(next);
            String digraph = l == 'l' && ln == 'j' ? "љ" : l == 'n' && ln == 'j' ? "њ" : l == 'd' && ln == 'ž' ? "џ" : null;
            if (digraph != null) {
                out.append(Character.isUpperCase(c) ? digraph.toUpperCase(Locale.ROOT) : digraph);
                i += 2;
                continue;
            }
            String letter = LETTERS.get(l);
            if (letter == null) {
                out.append(c);
            } else {
                out.append(Character.isUpperCase(c) ? letter.toUpperCase(Locale.ROOT) : letter);
            }
            i++;
        }
        return out.toString();
    }
}
