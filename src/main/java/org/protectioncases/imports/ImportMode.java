package org.protectioncases.imports;

/** Whether a file with some bad rows is refused whole or imported without them. */
public enum ImportMode {
    ALL_OR_NOTHING, VALID_ROWS;

    public String messageKey() {
        return "import.mode." + name();
    }
}
