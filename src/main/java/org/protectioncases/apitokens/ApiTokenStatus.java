package org.protectioncases.apitokens;

/** Whether a token still opens the API; label key {@code apitoken.status.<NAME>}. */
public enum ApiTokenStatus {
    ACTIVE, EXPIRED, REVOKED;

    public String messageKey() {
        return "apitoken.status." + name();
    }
}
