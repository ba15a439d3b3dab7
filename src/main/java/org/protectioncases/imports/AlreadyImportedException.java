package org.protectioncases.imports;

/** The same file (by SHA-256) was imported before and that batch is still in place. Nothing was saved. */
public class AlreadyImportedException extends RuntimeException {

    private final transient BatchSummary previous;

    public AlreadyImportedException(BatchSummary previous) {
        super("File imported before as batch " + previous.id());
        this.previous = previous;
    }

    public BatchSummary previous() {
        return previous;
    }
}
