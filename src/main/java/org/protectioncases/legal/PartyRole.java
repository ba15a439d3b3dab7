package org.protectioncases.legal;

/** A party's part in a case besides the person of concern. */
public enum PartyRole {
    OPPOSING_PARTY, OTHER_PARTY, AUTHORITY, REPRESENTATIVE, WITNESS;

    public String messageKey() {
        return "legal.partyRole." + name();
    }
}
