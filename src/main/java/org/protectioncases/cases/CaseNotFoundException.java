package org.protectioncases.cases;

/** No such case, or not one the user may see: deliberately indistinguishable. */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(long id) {
        super("Case " + id + " not found");
    }
}
