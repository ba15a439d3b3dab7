package org.protectioncases.cases;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything the case page shows to someone allowed to see the case. */
public record CaseDetails(CaseSummary summary, CaseUpdate fields, List<StatusChangeDto> timeline, List<ReferralDto> referrals,
                          long version, boolean editable, List<TransferDto> transfers,
                          @Nullable Instant handedAwayAt, CaseTypeDetails typeDetails, List<CaseMember> members,
                          @Nullable String confidentialNote) {

    /** True for a partner that transferred the case away: it sees only what it recorded until then. */
    public boolean formerOwnerView() {
        return handedAwayAt != null;
    }

    /** Whether the user may change the case's content now: a closed case is read-only until reopened. */
    public boolean workable() {
        return editable && summary.status() != CaseStatus.CLOSED;
    }

    public long id() {
        return summary.id();
    }
}
