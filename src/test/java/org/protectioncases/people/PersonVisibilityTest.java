package org.protectioncases.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Who may see a person is written once: a second copy of the rule in SQL would drift (issue #11). */
class PersonVisibilityTest {

    @Test
    void theVisibilityRuleIsWrittenOnlyInPersonVisibility() throws IOException {
        List<Path> copies;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            copies = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith(Path.of("org/protectioncases/people/PersonVisibility.java")))
                    .filter(PersonVisibilityTest::spellsOutTheRule)
                    .toList();
        }
        assertThat(copies).as("files that write the person-visibility rule themselves").isEmpty();
    }

    @Test
    void aPartnerSeesWhatItRegisteredOrWasSharedAndManagersEveryCurrentRecord() {
        assertThat(PersonVisibility.visible("p", null)).isEqualTo("p.merged_into_id is null");
        assertThat(PersonVisibility.visible("x", 3L)).isEqualTo("x.merged_into_id is null and (x.registered_by_partner = :partner"
                + " or exists (select 1 from person_access a where a.person_id = x.id and a.partner_id = :partner))");
    }

    private static boolean spellsOutTheRule(Path file) {
        try {
            String source = Files.readString(file);
            return source.contains("registered_by_partner = :partner") || source.contains("from person_access a where");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
