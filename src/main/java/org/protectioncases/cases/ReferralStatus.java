package org.protectioncases.cases;

/** Stored by name; shown through the message key {@code referralStatus.<NAME>}. */
public enum ReferralStatus {
    SENT, ACCEPTED, DECLINED, COMPLETED;

    public String messageKey() {
        return "referralStatus." + name();
    }
}
