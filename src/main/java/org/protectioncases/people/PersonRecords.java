package org.protectioncases.people;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The dated records kept about a person besides the profile. */
public final class PersonRecords {

    private PersonRecords() {
    }

    /** A return of a displaced person: from where, to which municipality, assisted or spontaneous. */
    public record ReturnEvent(long id, LocalDate date, DisplacementPlace from, String municipalityCode, boolean assisted,
                              String recordedBy) {
    }

    /** A civil document the person holds (with its issue date) or lacks. */
    public record CivilDocument(long id, DocumentType type, boolean held, @Nullable LocalDate issuedOn, String recordedBy) {
    }

    /** A specific need, noted on a date. */
    public record Need(long id, SpecificNeed need, LocalDate notedOn, @Nullable String note, String recordedBy) {
    }
}
