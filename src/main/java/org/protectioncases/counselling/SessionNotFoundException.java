package org.protectioncases.counselling;

/** No such session, or not one the user may see: deliberately indistinguishable. */
public class SessionNotFoundException extends RuntimeException {

    public SessionNotFoundException(long id) {
        super("Session " + id + " not found");
    }
}
