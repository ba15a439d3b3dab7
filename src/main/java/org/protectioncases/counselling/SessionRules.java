package org.protectioncases.counselling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.people.PersonNotFoundException;
import org.protectioncases.people.PersonService;
import org.protectioncases.shared.validation.CommandRules;
import org.protectioncases.shared.validation.Complete;
import org.springframework.stereotype.Component;

/**
 * The rules of a counselling session, for the session dialog and the bulk import alike: held
 * not in the future (five minutes' grace for clocks that differ) and not before the case was
 * opened, a plausible duration, topics, texts within their size, follow-up not before the session.
 */
@Component
class SessionRules {

    private final PersonService people;
    private final CommandRules commandRules;
    private final Clock clock;

    SessionRules(PersonService people, CommandRules commandRules, Clock clock) {
        this.people = people;
        this.commandRules = commandRules;
        this.clock = clock;
    }

    /** Checks every rule and throws with all field errors; an attendee the user may not see is "not found". */
    void validate(SessionForm f, @Nullable LocalDate caseOpenedOn) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate heldOn = f.heldAt() == null ? null : f.heldAt().toLocalDate();
        for (Long attendee : f.attendeeIds()) {
            if (!people.isVisible(attendee)) {
                throw new PersonNotFoundException(attendee);
            }
        }
        // The form's Complete constraints (required, duration, topics; and its sizes again, as an
        // imported row reaches here without the service advisor), reported with the rules below.
        commandRules.check(f, Complete.class)
                .rejectIf(f.heldAt() != null && f.heldAt().isAfter(now.plusMinutes(5)), "heldAt", "validation.notInFuture")
                .rejectIf(heldOn != null && caseOpenedOn != null && heldOn.isBefore(caseOpenedOn), "heldAt", "session.validation.beforeCase")
                .rejectIf(f.interpreterUsed() && (f.interpreterLanguage() == null || f.interpreterLanguage().isBlank()),
                        "interpreterLanguage", "session.validation.interpreterLanguage")
                .rejectIf(f.followUpOn() != null && heldOn != null && f.followUpOn().isBefore(heldOn),
                        "followUpOn", "session.validation.followUpAfter")
                .throwIfAny();
    }

    /** The topics of the session only some readers may see (they are audited apart). */
    static Set<SessionTopic> restrictedTopics(SessionForm f) {
        return f.topics().stream().filter(SessionTopic::restricted)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SessionTopic.class)));
    }
}
