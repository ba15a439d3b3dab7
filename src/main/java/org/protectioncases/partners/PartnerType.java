package org.protectioncases.partners;

/** What kind of organisation a partner is. */
public enum PartnerType {
    UNHCR,
    IMPLEMENTING_PARTNER,
    GOVERNMENT,
    OTHER;

    public String messageKey() {
        return "partnerType." + name();
    }
}
