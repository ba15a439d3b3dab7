package org.protectioncases.people;

/**
 * Who gave a consent: the person, or someone entitled to give it for them (a child's parent or
 * guardian, a legal representative). A code, not a name: it is kept when a person is anonymised.
 */
public enum ConsentGiver {
    PERSON, PARENT_OR_GUARDIAN, LEGAL_REPRESENTATIVE;

    public String messageKey() {
        return "consent.giver." + name();
    }
}
