package org.protectioncases.backup;

/**
 * The first chunk of an encrypted backup failed its authentication: the passphrase is not the one
 * it was made with (or, less likely, the file's beginning is damaged).
 */
public class WrongPassphraseException extends BackupFormatException {

    public WrongPassphraseException() {
        super("The backup could not be decrypted: the passphrase is wrong (or the file is damaged)."
                + " Give the passphrase the backup was made with (APP_BACKUP_PASSPHRASE).");
    }
}
