package org.protectioncases.counselling;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A session as its reader may see it: {@code form.confidentialNote()} is null for anyone outside
 * the partner that held it.
 */
public record SessionDto(long id, long caseId, String caseNo, long personId, long owningPartner, String counsellor,
                         SessionForm form, List<Attendee> attendees, boolean followUpDone, boolean editable, long version) {

    public LocalDateTime heldAt() {
        return Objects.requireNonNull(form.heldAt());
    }

    /** A registered person who attended, with the label the reader may see. */
    public record Attendee(long personId, String label) {
    }
}
