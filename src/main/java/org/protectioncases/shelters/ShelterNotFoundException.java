package org.protectioncases.shelters;

import org.protectioncases.shared.RecordNotFoundException;

/** No such shelter or stay. */
public class ShelterNotFoundException extends RecordNotFoundException {

    public ShelterNotFoundException(long id) {
        super("Shelter record " + id + " not found");
    }
}
