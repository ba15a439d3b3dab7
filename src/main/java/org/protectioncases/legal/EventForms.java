package org.protectioncases.legal;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.RuleKeys;
import org.protectioncases.shared.validation.SingleLine;

/** The forms of case events (case_event column sizes). */
public final class EventForms {

    public static final int TITLE_MAX = 300;
    public static final int PLACE_MAX = 200;
    public static final int ROOM_MAX = 50;

    private EventForms() {
    }

    /** A hearing before a court or authority. */
    public record Hearing(@Required @Nullable LocalDate date, @Nullable LocalTime time,
                          @Required @Size(max = PLACE_MAX) @SingleLine @Nullable String place,
                          @Size(max = ROOM_MAX) @SingleLine @Nullable String room,
                          @Size(max = TITLE_MAX) @SingleLine @Nullable String title) {
    }

    /** A decision served on the client, from which deadlines are proposed. */
    public record Decision(@Required @Nullable DecisionType decisionType,
                           @Required @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate servedOn,
                           @Size(max = TITLE_MAX) @SingleLine @Nullable String title) {
    }

    /** A filing deadline; {@code ruleId}/{@code sourceEventId} when confirmed from a proposal. */
    public record Deadline(@Required @Nullable LocalDate date, @Required @Size(max = TITLE_MAX) @SingleLine @Nullable String title,
                           @Nullable Long ruleId, @Nullable Long sourceEventId) {
    }
}
