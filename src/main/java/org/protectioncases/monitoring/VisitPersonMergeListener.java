package org.protectioncases.monitoring;

import org.protectioncases.people.PersonsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Moves visit links of a merged person to the kept record, in the merge's own transaction. */
@Component
class VisitPersonMergeListener {

    private final VisitQueryRepository queries;

    VisitPersonMergeListener(VisitQueryRepository queries) {
        this.queries = queries;
    }

    @EventListener
    void on(PersonsMerged event) {
        queries.movePerson(event.keptId(), event.mergedId());
    }
}
