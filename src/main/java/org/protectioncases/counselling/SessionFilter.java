package org.protectioncases.counselling;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Filters of the partner's session list; null means "any". Dates are inclusive. */
public record SessionFilter(@Nullable String counsellor, @Nullable LocalDate from, @Nullable LocalDate to,
                            @Nullable LegalAidType aidType, @Nullable SessionTopic topic) {

    public static SessionFilter all() {
        return new SessionFilter(null, null, null, null, null);
    }
}
