package org.protectioncases.shelters;

import org.protectioncases.people.PersonsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Moves shelter stays of a merged person to the kept record, in the merge's own transaction. */
@Component
class StaysMergeListener {

    private final ShelterQueryRepository queries;

    StaysMergeListener(ShelterQueryRepository queries) {
        this.queries = queries;
    }

    @EventListener
    void on(PersonsMerged event) {
        queries.movePersonStays(event.keptId(), event.mergedId());
    }
}
