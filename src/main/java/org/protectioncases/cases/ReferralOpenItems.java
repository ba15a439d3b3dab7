package org.protectioncases.cases;

import java.util.List;
import org.springframework.stereotype.Component;

/** The case's referrals still waiting for an answer, as open items of its closing. */
@Component
class ReferralOpenItems implements CaseOpenItems {

    static final String KIND = "REFERRAL";

    private final ReferralRepository referrals;

    ReferralOpenItems(ReferralRepository referrals) {
        this.referrals = referrals;
    }

    @Override
    public List<OpenItem> openItems(long caseId) {
        // The label is the target's message key; the closing dialog translates it.
        return referrals.findByCaseIdOrderByReferredOnDescIdDesc(caseId).stream()
                .filter(r -> r.getStatus() == ReferralStatus.SENT)
                .map(Referral::toDto)
                .map(r -> new OpenItem(KIND, r.id(), r.target().messageKey(), r.referredOn(), false))
                .toList();
    }

    @Override
    public void cancel(long caseId, OpenItem item, String by) {
        referrals.findById(item.id()).filter(r -> r.getCaseId() != null && r.getCaseId() == caseId && r.getStatus() == ReferralStatus.SENT)
                .ifPresent(r -> {
                    r.withdraw();
                    referrals.saveAndFlush(r);
                });
    }
}
