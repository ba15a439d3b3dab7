package org.protectioncases.legal;

import java.util.List;

/** A served decision just recorded and the deadlines the rules propose for it (nothing saved yet). */
public record DecisionRecorded(CaseEventDto decision, List<DeadlineProposal> proposals) {
}
