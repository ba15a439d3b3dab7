package org.protectioncases.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counts read as people write them: "1 session", "2 sesije", "5 sesija", "21 sesija". */
class PluralsTest {

    @ParameterizedTest
    @CsvSource({"1,one", "2,few", "4,few", "5,other", "11,other", "12,other", "14,other", "21,one", "22,few", "25,other", "111,other", "0,other"})
    void serbianHasThreeForms(long n, String category) {
        assertThat(Plurals.category(Language.SR, n)).isEqualTo(category);
    }

    @Test
    void englishAndAlbanianHaveTwo() {
        assertThat(Plurals.category(Language.EN, 1)).isEqualTo("one");
        assertThat(Plurals.category(Language.EN, 0)).isEqualTo("other");
        assertThat(Plurals.category(Language.SQ, 1)).isEqualTo("one");
        assertThat(Plurals.category(Language.SQ, 21)).isEqualTo("other");
    }

    @Test
    void messagesChooseTheFormAndFormatTheNumber() {
        Locale en = Language.EN.locale();
        Locale sq = Language.SQ.locale();
        Locale sr = Language.SR.locale();
        assertThat(AppI18NProvider.text(en, "session.count", 1, 45)).isEqualTo("1 session, 45 minutes in total");
        assertThat(AppI18NProvider.text(en, "session.count", 2, 1)).isEqualTo("2 sessions, 1 minute in total");
        assertThat(AppI18NProvider.text(sq, "session.count", 1, 1200)).isEqualTo("1 seancë, gjithsej 1.200 minuta");
        assertThat(AppI18NProvider.text(sr, "session.count", 3, 25)).isEqualTo("3 sesije, ukupno 25 minuta");
        assertThat(AppI18NProvider.text(sr, "session.count", 21, 1)).isEqualTo("21 sesija, ukupno 1 minut");
        assertThat(AppI18NProvider.text(en, "person.duplicates.otherPartners", 1)).startsWith("1 possible match registered");
        assertThat(AppI18NProvider.text(en, "person.duplicates.otherPartners", 4)).startsWith("4 possible matches registered");
    }

    @Test
    void plainNumberPlaceholdersFollowTheLanguage() {
        assertThat(AppI18NProvider.text(Language.SQ.locale(), "shelter.factsheet", 1234, 22, "02.12.2026"))
                .isEqualTo("1.234 persona në 22 strehimore më 02.12.2026");
        assertThat(AppI18NProvider.text(Language.EN.locale(), "validation.maxLength", 4000)).isEqualTo("At most 4,000 characters");
    }

    @Test
    void exactBranchesWinAndUnknownArgumentsCountAsOther() {
        String pattern = "{0,plural,=0{none} one{# item} other{# items}}";
        assertThat(Plurals.expand(pattern, Language.EN, Locale.UK, 0L)).isEqualTo("none");
        assertThat(Plurals.expand(pattern, Language.EN, Locale.UK, 1L)).isEqualTo("1 item");
        assertThat(Plurals.expand("a {1} b", Language.EN, Locale.UK, 3L)).isEqualTo("a {1} b");
    }
}
