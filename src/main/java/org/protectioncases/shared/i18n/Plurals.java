package org.protectioncases.shared.i18n;

import java.util.Locale;

/**
 * Plural forms in messages, in ICU's syntax: {@code {0,plural,one{# session} other{# sessions}}}
 * ({@code #} is the number, formatted by {@link Formats}). English and Albanian have one/other;
 * Serbian one/few/other by the CLDR rule (21 "sesija", 22 "sesije", 25 "sesija"). Only whole
 * numbers are counted here, which is all the UI shows. A full ICU4J would do the same for a
 * 14 MB dependency; the syntax is ICU's so the bundles would not change.
 */
final class Plurals {

    private Plurals() {
    }

    /** The CLDR cardinal category of a whole number: "one", "few" or "other". */
    static String category(Language language, long n) {
        long abs = Math.abs(n);
        return switch (language) {
            case SR, SR_CYRL -> abs % 10 == 1 && abs % 100 != 11 ? "one"
                    : abs % 10 >= 2 && abs % 10 <= 4 && (abs % 100 < 12 || abs % 100 > 14) ? "few" : "other";
            case EN, SQ -> abs == 1 ? "one" : "other";
        };
    }

    /**
     * Replaces every {@code {N,plural,...}} with the branch for argument N, {@code #} formatted;
     * what is left is an ordinary {@link java.text.MessageFormat} pattern.
     */
    static String expand(String pattern, Language language, Locale locale, Object... args) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int start = pattern.indexOf('{', i);
            int comma = start < 0 ? -1 : pattern.indexOf(',', start);
            if (start < 0 || comma < 0 || !pattern.startsWith("plural,", comma + 1)
                    || !pattern.substring(start + 1, comma).trim().chars().allMatch(Character::isDigit)
                    || comma == start + 1) {
                if (start < 0) {
                    out.append(pattern, i, pattern.length());
                    return out.toString();
                }
                out.append(pattern, i, start + 1);
                i = start + 1;
                continue;
            }
            int index = Integer.parseInt(pattern.substring(start + 1, comma).trim());
            int end = matching(pattern, start);
            String branches = pattern.substring(comma + 1 + "plural,".length(), end);
            Object arg = index < args.length ? args[index] : null;
            long n = arg instanceof Number number ? number.longValue() : 0;
            String chosen = branch(branches, category(language, n), n);
            out.append(pattern, i, start).append(chosen.replace("#", Formats.integer(locale, n)));
            i = end + 1;
        }
    }

    /** The text of branch {@code =n} if there is one, else of {@code keyword}, else of {@code other} (ICU's order). */
    private static String branch(String branches, String keyword, long n) {
        String other = "";
        String exact = null;
        int i = 0;
        while (i < branches.length()) {
            int open = branches.indexOf('{', i);
            if (open < 0) {
                break;
            }
            String name = branches.substring(i, open).trim();
            int close = matching(branches, open);
            String text = branches.substring(open + 1, close);
            if (name.equals("=" + n)) {
                return text;
            }
            if (name.equals(keyword)) {
                exact = exact == null ? text : exact;
            }
            if (name.equals("other")) {
                other = text;
            }
            i = close + 1;
        }
        return exact != null ? exact : other;
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
        throw new IllegalArgumentException("Unbalanced braces in message: " + s);
    }
}
