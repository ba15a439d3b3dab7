package org.protectioncases.imports;

/** Why a background import failed (nothing of it was saved); the view shows {@link #messageKey()}. */
public enum ImportFailure {
    /** A row broke a rule of the people service at the moment of writing (data changed since the check). */
    RULES,
    /** The database refused or was unreachable. */
    DATABASE,
    /** Anything else: a fault of the application, in its log. */
    UNEXPECTED;

    public String messageKey() {
        return "import.failure." + name();
    }
}
