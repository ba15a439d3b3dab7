package org.protectioncases.shelters;

/** No such shelter or stay. */
public class ShelterNotFoundException extends RuntimeException {

    public ShelterNotFoundException(long id) {
        super("Shelter record " + id + " not found");
    }
}
