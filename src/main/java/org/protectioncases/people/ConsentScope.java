package org.protectioncases.people;

/** What a person agreed to. A referral needs REFERRAL, a transfer to another partner TRANSFER. */
public enum ConsentScope {
    REGISTRATION, DATA_SHARING_UNHCR, REFERRAL, TRANSFER;

    public String messageKey() {
        return "consent." + name();
    }
}
