package org.protectioncases.counselling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.validation.CommandRules;

/**
 * "Not in the future" for a session, on a chosen day rather than today: the rules read "now" from
 * the injected {@link Clock}, so the minutes around midnight (where two tests once broke) are
 * tested by fixing the clock at 23:58 in Kosovo.
 */
class SessionRulesTest {

    private static final ZoneId KOSOVO = ZoneId.of("Europe/Belgrade");
    /** 3 December 2026, two minutes to midnight. */
    private static final Clock BEFORE_MIDNIGHT = Clock.fixed(ZonedDateTime.of(2026, 12, 3, 23, 58, 0, 0, KOSOVO).toInstant(), KOSOVO);

    // No attendees: the person lookup (PersonService) is never asked, so none is given.
    private final SessionRules rules = new SessionRules(null,
            new CommandRules(Validation.buildDefaultValidatorFactory().getValidator()), BEFORE_MIDNIGHT);

    private static SessionForm heldAt(LocalDateTime heldAt) {
        return new SessionForm(heldAt, 45, SessionMode.OFFICE, LegalAidType.COUNSELLING, Set.of(SessionTopic.CIVIL_DOCUMENTATION),
                Set.of(), false, null, null, null, null, null, null);
    }

    @Test
    void aSessionJustAfterMidnightIsWithinTheGraceButTenMinutesLaterIsInTheFuture() {
        LocalDate caseOpened = LocalDate.of(2026, 11, 1);
        assertThatCode(() -> rules.validate(heldAt(LocalDateTime.of(2026, 12, 3, 23, 30)), caseOpened)).doesNotThrowAnyException();
        // Five minutes' grace for clocks that differ: 00:03 the next day is still "now".
        assertThatCode(() -> rules.validate(heldAt(LocalDateTime.of(2026, 12, 4, 0, 3)), caseOpened)).doesNotThrowAnyException();

        FieldValidationException future = catchThrowableOfType(FieldValidationException.class,
                () -> rules.validate(heldAt(LocalDateTime.of(2026, 12, 4, 0, 10)), caseOpened));
        assertThat(future.fieldErrors()).containsEntry("heldAt", "validation.notInFuture");
    }

    @Test
    void aSessionBeforeTheCaseWasOpenedIsRefused() {
        FieldValidationException early = catchThrowableOfType(FieldValidationException.class,
                () -> rules.validate(heldAt(LocalDateTime.of(2026, 10, 31, 10, 0)), LocalDate.of(2026, 11, 1)));
        assertThat(early.fieldErrors()).containsEntry("heldAt", "session.validation.beforeCase");
    }
}
