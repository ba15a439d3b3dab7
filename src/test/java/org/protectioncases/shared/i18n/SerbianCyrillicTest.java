package org.protectioncases.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SerbianCyrillicTest {

    @ParameterizedTest
    @CsvSource({
            "Njegoš, Његош",
            "NJEGOŠ, ЊЕГОШ",
            "LJUBLJANA, ЉУБЉАНА",
            "Ljubljana, Љубљана",
            "Đakovica, Ђаковица",
            "džep, џеп",
            "Džep, Џеп",
            "DŽEP, ЏЕП",
            "čćšžđ, чћшжђ",
            "abcdefghijklmnoprstuvz, абцдефгхијклмнопрстувз",
            "Priština, Приштина",
            "Južna Mitrovica, Јужна Митровица",
            "nadživeti, надживети",
            "Injekcija, Инјекција",
            "konjugacija, конјугација",
            "odžaliti, оджалити",
            "odžak, оџак"})
    void convertsLettersDigraphsAndCase(String latin, String cyrillic) {
        assertThat(SerbianCyrillic.convert(latin)).isEqualTo(cyrillic);
    }

    @Test
    void leavesPlaceholdersAndIcuSyntaxAlone() {
        assertThat(SerbianCyrillic.convert("Dobro došli, {0}")).isEqualTo("Добро дошли, {0}");
        assertThat(SerbianCyrillic.convert("Najviše {0,number,#} znakova")).isEqualTo("Највише {0,number,#} знакова");
        assertThat(SerbianCyrillic.convert("{0,plural,one{# sesija} few{# sesije} other{# sesija}}, ukupno {1,plural,one{# minut} few{# minuta} other{# minuta}}"))
                .isEqualTo("{0,plural,one{# сесија} few{# сесије} other{# сесија}}, укупно {1,plural,one{# минут} few{# минута} other{# минута}}");
        assertThat(SerbianCyrillic.convert("Ništa ne dospeva {0,plural,=0{danas} one{sutra} few{u naredna # dana} other{u narednih # dana}}."))
                .isEqualTo("Ништа не доспева {0,plural,=0{данас} one{сутра} few{у наредна # дана} other{у наредних # дана}}.");
        // An argument inside a branch stays an argument.
        assertThat(SerbianCyrillic.convert("{0,plural,one{# osoba u {1}} other{# osoba u {1}}}"))
                .isEqualTo("{0,plural,one{# особа у {1}} other{# особа у {1}}}");
    }

    @Test
    void leavesMarkupAddressesCodesAndForeignWordsAlone() {
        assertThat(SerbianCyrillic.convert("<b>Pažnja</b> &nbsp;vidi https://example.org/uputstvo ili piši na ime@example.org"))
                .isEqualTo("<b>Пажња</b> &nbsp;види https://example.org/uputstvo или пиши на ime@example.org");
        assertThat(SerbianCyrillic.convert("Obratite se UNHCR-u. Preuzmi Excel (XLSX) ili CSV, PDF."))
                .isEqualTo("Обратите се UNHCR-у. Преузми Excel (XLSX) или CSV, PDF.");
        assertThat(SerbianCyrillic.convert("Sačuvajte je kao .xlsx ili .csv datoteku")).isEqualTo("Сачувајте је као .xlsx или .csv датотеку");
        assertThat(SerbianCyrillic.convert("Brojevi od 1 do 4 kao <5; registarski broj (KOS-…)"))
                .isEqualTo("Бројеви од 1 до 4 као <5; регистарски број (KOS-…)");
        assertThat(SerbianCyrillic.convert("Koristite dd.MM.gggg, na primer 31.12.1980.")).isEqualTo("Користите дд.ММ.гггг, на пример 31.12.1980.");
    }

    @Test
    void onlyForSerbianCyrillic() {
        assertThat(SerbianCyrillic.forLocale(Language.SR_CYRL.locale(), "Gnjilane")).isEqualTo("Гњилане");
        assertThat(SerbianCyrillic.forLocale(Language.SR.locale(), "Gnjilane")).isEqualTo("Gnjilane");
        assertThat(SerbianCyrillic.forLocale(Language.SQ.locale(), "Gjilan")).isEqualTo("Gjilan");
    }

    @Test
    void theLanguageIsFoundFromItsLocaleAndStoredCode() {
        assertThat(Language.of(Locale.forLanguageTag("sr-Cyrl-XK"))).isEqualTo(Language.SR_CYRL);
        assertThat(Language.of(Locale.forLanguageTag("sr-Latn-XK"))).isEqualTo(Language.SR);
        assertThat(Language.of(Locale.of("sr"))).isEqualTo(Language.SR);
        // AppUser.preferredLocale() reads the stored code with Locale.of.
        assertThat(Language.of(Locale.of("sr-Cyrl"))).isEqualTo(Language.SR_CYRL);
        assertThat(Language.fromCode("sr-Cyrl")).contains(Language.SR_CYRL);
        assertThat(Language.SR_CYRL.bundle()).isEqualTo(Language.SR);
    }

    /** The date pickers' month names (from the converted bundle) are the JDK's Serbian Cyrillic ones (CLDR). */
    @Test
    void monthNamesAgreeWithTheJdksSerbianCyrillic() {
        Locale cyrillic = Language.SR_CYRL.locale();
        assertThat(Formats.monthNames(cyrillic)).containsExactlyElementsOf(Arrays.stream(Month.values())
                .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, cyrillic)).toList());
        assertThat(Formats.month(cyrillic, java.time.YearMonth.of(2026, 3))).isEqualTo("март 2026");
    }

    @Test
    void theProviderSpeaksCyrillicWithSerbianPluralsAndUntouchedArguments() {
        Locale cyrillic = Language.SR_CYRL.locale();
        assertThat(AppI18NProvider.text(cyrillic, "session.count", 22, 45)).isEqualTo("22 сесије, укупно 45 минута");
        assertThat(AppI18NProvider.text(cyrillic, "home.welcome", "Milica Jovanović")).contains("Milica Jovanović");
        assertThat(AppI18NProvider.text(cyrillic, "validation.maxLength", 4000)).contains("4.000");
    }
}
