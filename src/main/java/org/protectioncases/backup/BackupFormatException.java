package org.protectioncases.backup;

import java.io.IOException;

/** A file that is not a readable backup (wrong kind of file, damaged, cut off, made by another version). */
public class BackupFormatException extends IOException {

    public BackupFormatException(String message) {
        super(message);
    }
}
