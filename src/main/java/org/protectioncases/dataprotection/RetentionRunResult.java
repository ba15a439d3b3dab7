package org.protectioncases.dataprotection;

import java.time.Duration;
import java.util.Map;

/**
 * One retention run: whether this node ran it (another node holding the lock: skipped) and how
 * many records of each kind it anonymised, cleared or deleted, and how many unsaved visit and
 * session drafts it deleted ({@code app.retention.draft-days}).
 */
public record RetentionRunResult(boolean ran, Map<RetentionKind, Long> done, Duration took, long drafts) {
}
