package org.protectioncases.counselling;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/** Filters of the partner's session list; null means "any". Dates are inclusive. */
public record SessionFilter(@Size(max = TextRules.USERNAME) @SingleLine @Nullable String counsellor, @Nullable LocalDate from, @Nullable LocalDate to,
                            @Nullable LegalAidType aidType, @Nullable SessionTopic topic) {

    public static SessionFilter all() {
        return new SessionFilter(null, null, null, null, null);
    }
}
