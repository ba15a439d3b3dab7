package org.protectioncases.shared;

/**
 * No such record, or not one the user may see: deliberately indistinguishable. Every module's
 * "not found" extends this. A transaction does not roll back for it ({@link NotFoundCommits}), so
 * the refused attempt that the service wrote to the access log in the same transaction is kept.
 * Services therefore check visibility before they change anything.
 */
public class RecordNotFoundException extends RuntimeException {

    protected RecordNotFoundException(String message) {
        super(message);
    }
}
