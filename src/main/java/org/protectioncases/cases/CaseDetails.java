package org.protectioncases.cases;

import java.util.List;

/** Everything the case page shows to someone allowed to see the case. */
public record CaseDetails(CaseSummary summary, CaseUpdate fields, List<StatusChangeDto> timeline, List<ReferralDto> referrals,
                          long version, boolean editable) {

    public long id() {
        return summary.id();
    }
}
