package org.protectioncases.counselling;

import org.protectioncases.shared.RecordNotFoundException;

/** No such session, or not one the user may see: deliberately indistinguishable. */
public class SessionNotFoundException extends RecordNotFoundException {

    public SessionNotFoundException(long id) {
        super("Session " + id + " not found");
    }
}
