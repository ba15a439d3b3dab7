package org.protectioncases.legal;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.SingleLine;

/** A rule "N days from service of a decision of type X"; {@code id} null for a new one. */
public record DeadlineRuleDto(@Nullable Long id, @Nullable DecisionType decisionType, @Size(max = NAME_MAX) @SingleLine @Nullable String name,
                              int days, @Nullable DayCount dayCount, boolean active, long version) {

    public static final int NAME_MAX = 200;
}
