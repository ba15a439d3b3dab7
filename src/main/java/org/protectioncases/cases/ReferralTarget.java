package org.protectioncases.cases;

/** Stored by name; shown through the message key {@code referralTarget.<NAME>}. */
public enum ReferralTarget {
    MINISTRY_COMMUNITIES_RETURN, MINISTRY_INTERNAL_AFFAIRS, MUNICIPAL_CIVIL_REGISTRY, MUNICIPAL_OFFICE_COMMUNITIES_RETURN, KPCVA, OMBUDSPERSON, COURT, DANISH_REFUGEE_COUNCIL, MOTHER_TERESA_SOCIETY, ICRC, JESUIT_REFUGEE_SERVICE, OTHER_PARTNER;

    public String messageKey() {
        return "referralTarget." + name();
    }
}
