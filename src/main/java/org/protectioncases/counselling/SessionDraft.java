package org.protectioncases.counselling;

import java.time.Instant;

/** A session the user started logging on a case and has not saved yet: what was typed, and when. */
public record SessionDraft(long caseId, String caseNo, SessionForm form, Instant updatedAt) {
}
