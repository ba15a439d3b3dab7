package org.protectioncases.shelters;

/** A shelter to pick from a list (e.g. the place of a monitoring visit). */
public record ShelterOption(long id, String name, String municipalityCode, ShelterStatus status) {
}
