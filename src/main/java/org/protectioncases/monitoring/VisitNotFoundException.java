package org.protectioncases.monitoring;

import org.protectioncases.shared.RecordNotFoundException;

/** No such visit, or not one the user may see: deliberately indistinguishable. */
public class VisitNotFoundException extends RecordNotFoundException {

    public VisitNotFoundException(long id) {
        super("Visit " + id + " not found");
    }
}
