package org.protectioncases.shelters;

public enum ShelterStatus {
    OPEN, CLOSED
}
