package org.protectioncases.imports;

/**
 * A file that cannot be imported at all (empty, not a spreadsheet, too large...). Carries a
 * message bundle key and its arguments, never rendered text. Thrown before anything is saved.
 */
public class ImportFileException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public ImportFileException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
