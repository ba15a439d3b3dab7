package org.protectioncases.shelters;

/**
 * The shelter page: registry fields, occupancy today and what the user may do.
 *
 * @param registryEditable  the user may edit, close and reopen the shelter
 * @param residentsEditable the user may move people (they can see) in and out
 */
public record ShelterDetails(ShelterSummary summary, ShelterForm form, long version, boolean registryEditable,
                             boolean residentsEditable) {

    public long id() {
        return summary.id();
    }
}
