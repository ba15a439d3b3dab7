package org.protectioncases.backup;

/** How a backup run ended. */
public enum BackupOutcome {
    /** A new backup file was written. */
    CREATED,
    /** Nothing was written: another backup (this node's or another node's) was running. */
    SKIPPED,
    /** The run failed; the server log has the reason, the audit trail a short one. */
    FAILED;

    public String messageKey() {
        return "backup.outcome." + name();
    }
}
