package org.protectioncases.monitoring;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.shared.validation.MultiLine;

/**
 * A referral typed on the visit form itself (issue #14), recorded with the visit in one
 * transaction and dated on the visit's day. The same rules as a referral added to a saved visit
 * ({@link VisitService#refer}): a person met on the visit, with consent to referral; a target; a reason.
 *
 * @param personId one of the visit's {@link VisitForm#personIds()}
 */
public record VisitFormReferral(@Nullable Long personId, @Nullable ReferralTarget target,
                                @Size(max = ReferralService.REFERRAL_REASON_MAX) @MultiLine String reason) {

    public VisitFormReferral {
        // A draft saved before the reason was typed carries none.
        reason = reason == null ? "" : reason;
    }
}
