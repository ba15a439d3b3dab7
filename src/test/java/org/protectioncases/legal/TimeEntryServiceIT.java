package org.protectioncases.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.protectioncases.support.TestRecords.person;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseNotFoundException;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Time entries on a case: recorded by the lawyer, summed by kind, bounded, other partners kept out. */
@SpringBootTest
class TimeEntryServiceIT extends ActingUsers {

    @Autowired
    TimeEntryService time;
    @Autowired
    PersonService people;
    @Autowired
    TestRecords records;

    @Test
    void lawyerRecordsTimeByKindAndBadInputIsRefusedWithoutSaving() {
        CaseDetails c = records.openCase("lawyer.crpk", person("Koha", "Test-Klienti", Sex.MALE, LocalDate.of(1975, 2, 2),
                Community.ALBANIAN, "PRI"),
                id -> new NewCase(id, CaseType.ASYLUM, CasePriority.NORMAL, "Appeal", null, null, LocalDate.now().minusDays(4)));
        as("lawyer.crpk", () -> time.add(c.id(), new TimeEntryDto.Form(LocalDate.now().minusDays(1), 90, WorkKind.DRAFTING, "Appeal draft")));
        as("lawyer.crpk", () -> time.add(c.id(), new TimeEntryDto.Form(null, 45, WorkKind.DRAFTING, null)));
        TimeEntryDto court = as("lawyer.crpk", () -> time.add(c.id(), new TimeEntryDto.Form(null, 120, WorkKind.COURT, null)));
        assertThat(court.lawyer()).isEqualTo("lawyer.crpk");
        assertThat(court.workedOn()).isEqualTo(LocalDate.now());
        assertThat(as("coordinator.crpk", () -> time.totals(c.id())))
                .containsEntry(WorkKind.DRAFTING, 135).containsEntry(WorkKind.COURT, 120).doesNotContainKey(WorkKind.TRAVEL);
        assertThat(as("lawyer.crpk", () -> time.forCase(c.id()))).hasSize(3).first().satisfies(t -> assertThat(t.kind()).isNotNull());

        assertThatThrownBy(() -> as("lawyer.crpk", () -> time.add(c.id(), new TimeEntryDto.Form(LocalDate.now().plusDays(1), 0, null,
                "n".repeat(301)))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("note"));
        assertThatThrownBy(() -> as("lawyer.crpk", () -> time.add(c.id(), new TimeEntryDto.Form(LocalDate.now().plusDays(1), 1441, null, null))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("workedOn", "validation.notInFuture")
                        .containsEntry("minutes", "legal.validation.minutes")
                        .containsEntry("kind", "validation.required"));
        assertThatThrownBy(() -> as("lawyer.at", () -> time.add(c.id(), new TimeEntryDto.Form(null, 10, WorkKind.PHONE, null))))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> as("lawyer.at", () -> time.forCase(c.id()))).isInstanceOf(CaseNotFoundException.class);
        assertThat(as("lawyer.crpk", () -> time.forCase(c.id()))).hasSize(3);
    }
}
