package org.protectioncases.monitoring;

/** No such visit, or not one the user may see: deliberately indistinguishable. */
public class VisitNotFoundException extends RuntimeException {

    public VisitNotFoundException(long id) {
        super("Visit " + id + " not found");
    }
}
