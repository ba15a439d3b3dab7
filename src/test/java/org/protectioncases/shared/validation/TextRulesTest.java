package org.protectioncases.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which characters count as control characters in single- and multi-line text. */
class TextRulesTest {

    @Test
    void singleLineTextRefusesEveryControlCharacterIncludingLineBreaksAndTabs() {
        for (String bad : new String[] {"a\nb", "a\rb", "a\tb", "a\u0000b", "a\u001bb", "a\u007fb", "a\u0085b"}) {
            assertThat(TextRules.firstControlCharacter(bad, false)).as(bad.codePointAt(1) + "").isEqualTo(1);
        }
    }

    @Test
    void multiLineTextKeepsTabsAndLineBreaksButNothingElse() {
        assertThat(TextRules.firstControlCharacter("line one\r\nline two\tend", true)).isNegative();
        assertThat(TextRules.firstControlCharacter("note\u0000", true)).isEqualTo(4);
        assertThat(TextRules.firstControlCharacter("bell\u0007", true)).isEqualTo(4);
    }

    @Test
    void lettersOfEveryLanguageTheAppServesAreNotControlCharacters() {
        assertThat(TextRules.firstControlCharacter("Đorđe Petrović · Ђорђе Петровић · Çelë Zhuri", false)).isNegative();
    }
}
