package org.protectioncases.people;

import org.protectioncases.shared.RecordNotFoundException;

/** No such person, or not one the user may see: the two are deliberately indistinguishable. */
public class PersonNotFoundException extends RecordNotFoundException {

    public PersonNotFoundException(long id) {
        super("Person " + id + " not found");
    }
}
