package org.protectioncases.people;

/** Stored by name; shown through the message key {@code document.<NAME>}. */
public enum DocumentType {
    BIRTH_CERTIFICATE, ID_CARD, PASSPORT, CITIZENSHIP_CERTIFICATE, RESIDENCE_PERMIT, OTHER;

    public String messageKey() {
        return "document." + name();
    }
}
