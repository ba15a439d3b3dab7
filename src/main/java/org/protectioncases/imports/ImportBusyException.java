package org.protectioncases.imports;

/** Another import or dry run of the same partner is running: one at a time per partner. */
public class ImportBusyException extends RuntimeException {

    public ImportBusyException() {
        super("An import of this partner is running");
    }
}
