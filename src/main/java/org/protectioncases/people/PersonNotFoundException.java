package org.protectioncases.people;

/** No such person, or not one the user may see: the two are deliberately indistinguishable. */
public class PersonNotFoundException extends RuntimeException {

    public PersonNotFoundException(long id) {
        super("Person " + id + " not found");
    }
}
