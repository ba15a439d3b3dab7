package org.protectioncases.legal;

import org.protectioncases.shared.RecordNotFoundException;

/** No such conflict or case event, or not one the user may see: deliberately indistinguishable. */
public class LegalRecordNotFoundException extends RecordNotFoundException {

    public LegalRecordNotFoundException(String what, long id) {
        super(what + " " + id + " not found");
    }
}
