package org.protectioncases.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** What a status move and an edit do to the case itself, without the database. */
class ProtectionCaseTest {

    private static final LocalDate OPENED = LocalDate.of(2026, 10, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private static ProtectionCase asylumCase() {
        ProtectionCase c = new ProtectionCase(CaseType.ASYLUM, 11L, 3L, "lawyer.crpk", OPENED);
        ReflectionTestUtils.setField(c, "id", 7L); // set by the database; the summary needs it
        c.apply(new CaseUpdate(CasePriority.HIGH, TODAY.plusDays(5), null, null, null, null, null));
        return c;
    }

    private static CaseSummary summary(ProtectionCase c) {
        return c.toSummary("Person");
    }

    @Test
    void closingRecordsTheOutcomeAndTheDayAndDropsTheNextAction() {
        ProtectionCase c = asylumCase();
        c.moveTo(CaseStatus.CLOSED, CaseOutcome.PROTECTION_GRANTED, TODAY);

        CaseSummary closed = summary(c);
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.PROTECTION_GRANTED);
        assertThat(closed.closedOn()).isEqualTo(TODAY);
        assertThat(closed.nextActionDate()).isNull();
        assertThat(closed.overdue(TODAY.plusYears(1))).isFalse();
    }

    @Test
    void reopeningForgetsTheOutcomeAndTheClosingDay() {
        ProtectionCase c = asylumCase();
        c.moveTo(CaseStatus.CLOSED, CaseOutcome.APPLICATION_REJECTED, TODAY);
        c.moveTo(CaseStatus.IN_PROGRESS, null, TODAY.plusDays(1));

        CaseSummary reopened = summary(c);
        assertThat(reopened.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(reopened.outcome()).isNull();
        assertThat(reopened.closedOn()).isNull();
        assertThat(reopened.openedOn()).isEqualTo(OPENED);
    }

    @Test
    void aMoveBetweenOpenStatusesKeepsTheNextAction() {
        ProtectionCase c = asylumCase();
        c.moveTo(CaseStatus.WAITING_FOR_AUTHORITY, null, TODAY);

        assertThat(summary(c).status()).isEqualTo(CaseStatus.WAITING_FOR_AUTHORITY);
        assertThat(summary(c).nextActionDate()).isEqualTo(TODAY.plusDays(5));
        assertThat(summary(c).closedOn()).isNull();
    }

    @Test
    void anEditStripsTextAndStoresBlankAsNothing() {
        ProtectionCase c = asylumCase();
        c.apply(new CaseUpdate(CasePriority.NORMAL, null, "  Appeal to the court \n", null, "   ", null, null));

        CaseUpdate stored = c.toUpdate();
        assertThat(stored.summary()).isEqualTo("Appeal to the court");
        assertThat(stored.authority()).isNull();
        assertThat(stored.priority()).isEqualTo(CasePriority.NORMAL);
    }

    @Test
    void theTypeFieldsMustBeThoseOfTheCasesType() {
        ProtectionCase c = asylumCase();
        assertThat(c.getTypeDetails()).isEqualTo(CaseType.ASYLUM.emptyDetails());

        assertThatThrownBy(() -> c.setTypeDetails(CaseType.STATELESSNESS.emptyDetails())).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.getTypeDetails()).isEqualTo(CaseType.ASYLUM.emptyDetails());
    }
}
