package org.protectioncases.cases;

import org.protectioncases.shared.RecordNotFoundException;

/** No such case, or not one the user may see: deliberately indistinguishable. */
public class CaseNotFoundException extends RecordNotFoundException {

    public CaseNotFoundException(long id) {
        super("Case " + id + " not found");
    }
}
