package org.protectioncases.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The languages must never drift apart, and no text used in code may be missing. Serbian Cyrillic
 * is checked as the app uses it: the Serbian Latin bundle converted when loaded.
 */
class MessageBundlesTest {

    private static Properties load(Language language) throws IOException {
        Properties p = new Properties();
        if (language == Language.SR_CYRL) {
            p.putAll(AppI18NProvider.CyrillicBundle.TEXTS);
            return p;
        }
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/messages_" + language.code() + ".properties")) {
            assertThat(in).as("bundle for %s", language).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyBundleHasExactlyTheEnglishKeys(Language language) throws IOException {
        Set<String> english = new TreeSet<>(load(Language.EN).stringPropertyNames());
        Set<String> other = new TreeSet<>(load(language).stringPropertyNames());
        assertThat(other).as("keys of %s compared with en", language).containsExactlyInAnyOrderElementsOf(english);
        load(language).forEach((k, v) -> assertThat(v.toString()).as("%s in %s", k, language).isNotBlank());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void placeholdersMatchEnglish(Language language) throws IOException {
        Properties en = load(Language.EN);
        Properties other = load(language);
        Pattern placeholder = Pattern.compile("\\{\\d}");
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(placeholder, other.getProperty(key)))
                    .as("placeholders of %s in %s", key, language)
                    .isEqualTo(placeholders(placeholder, en.getProperty(key)));
        }
    }

    /** With placeholders a text goes through MessageFormat, where a lone ' quotes the rest and hides {0}. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void apostrophesAreDoubledWhereMessageFormatReadsThem(Language language) throws IOException {
        Pattern placeholder = Pattern.compile("\\{\\d");
        Pattern loneQuote = Pattern.compile("(?<!')'(?!')");
        load(language).forEach((k, v) -> {
            String text = v.toString();
            if (placeholder.matcher(text).find()) {
                assertThat(loneQuote.matcher(text).find()).as("lone apostrophe in %s (%s): %s", k, language, text).isFalse();
            }
        });
    }

    private static Set<String> placeholders(Pattern p, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyLiteralKeyUsedInCodeExists() throws IOException {
        Properties en = load(Language.EN);
        Pattern literal = Pattern.compile("(?:getTranslation\\(|AppI18NProvider\\.text\\(\\w+, )\"([a-zA-Z0-9_.]+)\"|\"((?:[a-z]+\\.)?(?:validation|error)\\.[a-zA-Z]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!key.endsWith(".") && !en.containsKey(key)) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Every count message has an "other" form and reads well for 0, 1, 2, 5, 21 and 1234 in every language. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void pluralMessagesHaveEveryFormTheLanguageNeeds(Language language) throws IOException {
        Properties bundle = load(language);
        Set<String> forms = language.bundle() == Language.SR ? Set.of("one", "few", "other") : Set.of("one", "other");
        for (String key : bundle.stringPropertyNames()) {
            String text = bundle.getProperty(key);
            if (!text.contains(",plural,")) {
                continue;
            }
            Matcher branch = Pattern.compile("(?<=[,}\\s])(zero|one|two|few|many|other)\\{").matcher(text);
            Set<String> found = new TreeSet<>();
            while (branch.find()) {
                found.add(branch.group(1));
            }
            assertThat(found).as("plural forms of %s in %s", key, language).containsAll(forms);
            for (long n : new long[] {0, 1, 2, 5, 21, 1234}) {
                Object[] args = {n, n, n, n};
                assertThat(AppI18NProvider.text(language.locale(), key, args)).as("%s in %s for %d", key, language, n)
                        .doesNotContain("{", "}", "#", "plural");
            }
        }
    }

    /**
     * No Latin letter is left in the Cyrillic UI except what must stay: ICU syntax, arguments, the
     * acronyms and foreign words {@link SerbianCyrillic} keeps, file extensions, e-mail addresses, document
     * template placeholders.
     */
    @Test
    void theCyrillicBundleHasNoLatinTextLeft() throws IOException {
        Properties cyrillic = load(Language.SR_CYRL);
        Pattern latin = Pattern.compile("[a-zA-ZčćšžđČĆŠŽĐ]");
        Set<String> left = new TreeSet<>();
        for (String key : cyrillic.stringPropertyNames()) {
            String rest = cyrillic.getProperty(key)
                    .replaceAll("\\{\\d+(,\\s*(plural|number|date|time|select)(,[^{}]*?)?)?(?=[,}{])", "")
                    .replaceAll("(^|[\\s,}])(=\\d+|zero|one|two|few|many|other)\\s*\\{", "$1")
                    .replaceAll("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+", "")
                    // Document template placeholders ({{person.fullName}}) are names a template must contain as written.
                    .replaceAll("\\{\\{[\\w.]+}}", "")
                    .replaceAll("(?<![\\p{L}\\d])\\.[a-z]+", "");
            for (String word : rest.split("[^\\p{L}]+")) {
                boolean foreign = word.chars().anyMatch(c -> "qwxyQWXY".indexOf(c) >= 0);
                if (!word.isEmpty() && latin.matcher(word).find() && !SerbianCyrillic.KEEP_LATIN.contains(word) && !foreign) {
                    left.add(key + ": " + word);
                }
            }
        }
        assertThat(left).isEmpty();
        assertThat(cyrillic.getProperty("nav.people")).matches("[\\p{IsCyrillic} ]+");
    }

    @Test
    void providerTranslatesAndFormatsInEachLanguage() {
        AppI18NProvider provider = new AppI18NProvider();
        assertThat(provider.getTranslation("home.welcome", Locale.ENGLISH, "Vjosa")).isEqualTo("Welcome, Vjosa");
        assertThat(provider.getTranslation("login.submit", Locale.of("sq"))).isNotEqualTo("Sign in").isNotBlank();
        assertThat(provider.getTranslation("login.submit", Locale.of("sr"))).isNotEqualTo("Sign in").isNotBlank();
        assertThat(provider.getTranslation("login.submit", Locale.forLanguageTag("sr-Cyrl-XK")))
                .isEqualTo(SerbianCyrillic.convert(provider.getTranslation("login.submit", Locale.of("sr"))))
                .matches("[\\p{IsCyrillic} ]+");
        // An unsupported language falls back to English rather than showing keys.
        assertThat(provider.getTranslation("login.submit", Locale.GERMAN)).isEqualTo("Sign in");
        assertThat(provider.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
    }
}
