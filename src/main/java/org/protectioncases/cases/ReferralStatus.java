package org.protectioncases.cases;

import java.util.List;

/**
 * Stored by name; shown through the message key {@code referralStatus.<NAME>}. WITHDRAWN is not an
 * answer: it is set when the case is closed and the user cancels a referral still waiting for one.
 */
public enum ReferralStatus {
    SENT, ACCEPTED, DECLINED, COMPLETED, WITHDRAWN;

    /** The statuses an answer to a referral may record. */
    public static List<ReferralStatus> answers() {
        return List.of(SENT, ACCEPTED, DECLINED, COMPLETED);
    }

    public String messageKey() {
        return "referralStatus." + name();
    }
}
