package org.protectioncases.monitoring;

import java.time.Instant;

/** One of the user's drafts in "My drafts": enough to recognise it. */
public record VisitDraftSummary(long id, VisitForm form, Instant updatedAt) {
}
