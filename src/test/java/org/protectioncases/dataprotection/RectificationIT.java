package org.protectioncases.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.protectioncases.support.TestRecords.person;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Rectification;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Right to rectification (issue #16): a correction records who asked, when and why, next to old → new. */
@SpringBootTest
class RectificationIT extends ActingUsers {

    @Autowired
    PersonService people;
    @Autowired
    TestRecords records;

    @Test
    void aCorrectionTheyAskedForSaysWhoWhenAndWhy() {
        PersonDetails p = records.register("lawyer.krct", person("Korrigjim", "Gabimi", Sex.FEMALE, LocalDate.of(1975, 2, 3),
                Community.ALBANIAN, "PRI"));
        PersonForm corrected = PersonForm.of("Korrigjime", "Gabimi", Sex.FEMALE, LocalDate.of(1975, 2, 3), BirthDatePrecision.EXACT,
                Community.ALBANIAN, "PRI");

        assertThatThrownBy(() -> as("lawyer.krct", () -> people.rectify(p.id(), p.version(), corrected,
                new Rectification(null, LocalDate.now().plusDays(1), " "))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("requester", "validation.required").containsEntry("requestedOn", "validation.notInFuture")
                        .containsEntry("reason", "validation.required"));
        assertThat(as("lawyer.krct", () -> people.get(p.id()))).get().satisfies(x -> assertThat(x.profile().givenName()).isEqualTo("Korrigjim"));

        PersonDetails after = as("lawyer.krct", () -> people.rectify(p.id(), p.version(), corrected,
                new Rectification(Rectification.Requester.PERSON, LocalDate.now().minusDays(2), "Spelling on her ID card")));
        assertThat(after.profile().givenName()).isEqualTo("Korrigjime");
        List<AuditEventDto> history = as("lawyer.krct", () -> people.history(p.id()));
        assertThat(history).anySatisfy(h -> {
            assertThat(h.action()).isEqualTo("PERSON_UPDATED");
            assertThat(h.details()).contains("Korrigjim").contains("Korrigjime");
        });
        assertThat(history).anySatisfy(h -> {
            assertThat(h.action()).isEqualTo("PERSON_RECTIFIED");
            assertThat(h.actor()).isEqualTo("lawyer.krct");
            assertThat(h.details()).contains("PERSON").contains(LocalDate.now().minusDays(2).toString()).contains("Spelling on her ID card");
        });
    }
}
