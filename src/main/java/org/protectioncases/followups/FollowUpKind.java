package org.protectioncases.followups;

/** Where a follow-up comes from; also the message key suffix {@code followups.kind.<KIND>}. */
public enum FollowUpKind {
    CASE, SESSION, VISIT, HEARING, DEADLINE
}
