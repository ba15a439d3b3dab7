package org.protectioncases.people;

/** Stored by name; shown through the message key {@code community.<NAME>}. */
public enum Community {
    ALBANIAN, SERB, ROMA, ASHKALI, EGYPTIAN, BOSNIAK, GORANI, TURKISH, OTHER;

    public String messageKey() {
        return "community." + name();
    }
}
