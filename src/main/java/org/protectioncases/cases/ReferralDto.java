package org.protectioncases.cases;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A referral from a case to an institution or organisation. */
public record ReferralDto(long id, long caseId, ReferralTarget target, LocalDate referredOn, String reason, ReferralStatus status,
                          @Nullable LocalDate responseOn, String createdBy, long version) {
}
