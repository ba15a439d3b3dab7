package org.protectioncases.cases;

import org.protectioncases.people.PersonSharingBasis;
import org.springframework.stereotype.Component;

/** A partner may see a person once a case for that person was transferred to it and accepted. */
@Component
class TransferSharingBasis implements PersonSharingBasis {

    private final TransferRepository transfers;

    TransferSharingBasis(TransferRepository transfers) {
        this.transfers = transfers;
    }

    @Override
    public boolean entitles(long personId, long partnerId) {
        return transfers.acceptedTransferOfPersonTo(personId, partnerId);
    }
}
