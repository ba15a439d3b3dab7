package org.protectioncases.people;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.RuleKeys;
import org.protectioncases.shared.validation.SingleLine;

/**
 * A correction the person (or someone for them) asked for (issue #16, right to rectification): who
 * asked, when and why. The history keeps it next to the old → new values of the edit.
 */
public record Rectification(@Required @Nullable Requester requester,
                            @Required @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate requestedOn,
                            @Required @Size(max = Rectification.REASON_MAX) @SingleLine String reason) {

    public static final int REASON_MAX = 300;

    /** Who asked for the correction. */
    public enum Requester {
        PERSON, REPRESENTATIVE, STAFF;

        public String messageKey() {
            return "rectification.requester." + name();
        }
    }
}
