package org.protectioncases.cases;

/** How a case ended; which ones apply depends on the {@link CaseType}. */
public enum CaseOutcome {
    PROTECTION_GRANTED, APPLICATION_REJECTED, APPLICATION_WITHDRAWN,
    RETURNED_AND_ASSISTED, RETURN_NOT_POSSIBLE,
    DOCUMENT_OBTAINED, DOCUMENT_REFUSED,
    NATIONALITY_CONFIRMED, STATELESSNESS_DETERMINED,
    DURABLE_SOLUTION_REACHED,
    RESOLVED, UNRESOLVED,
    REFERRED_ELSEWHERE, CLIENT_WITHDREW, LOST_CONTACT;

    public String messageKey() {
        return "outcome." + name();
    }
}
