package org.protectioncases.legal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.SingleLine;

/** A rule "N days from service of a decision of type X"; {@code id} null for a new one. */
public record DeadlineRuleDto(@Nullable Long id, @Required @Nullable DecisionType decisionType,
                              @Required @Size(max = NAME_MAX) @SingleLine @Nullable String name,
                              @Min(value = 1, message = DAYS) @Max(value = DAYS_MAX, message = DAYS) int days,
                              @Required @Nullable DayCount dayCount, boolean active, long version) {

    public static final int NAME_MAX = 200;
    /** A rule counts at most a year. */
    public static final int DAYS_MAX = 365;
    private static final String DAYS = "legal.validation.days";
}
