package org.protectioncases.imports;

import java.util.Arrays;
import java.util.List;

/** What a file holds: people, cases of people already registered, or sessions on cases already there. */
public enum ImportKind {
    PEOPLE, CASES, SESSIONS;

    /** The columns a file of this kind may have, in template order. */
    public List<ImportField> fields() {
        return Arrays.stream(ImportField.values()).filter(f -> f.kind() == this).toList();
    }

    public String messageKey() {
        return "import.kind." + name();
    }
}
