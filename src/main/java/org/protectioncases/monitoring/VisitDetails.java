package org.protectioncases.monitoring;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The visit page data.
 *
 * @param editable whether the signed-in user may change the visit, add referrals and close its follow-up
 */
public record VisitDetails(long id, long owningPartner, String partnerCode, VisitForm form, @Nullable String shelterName,
                           List<VisitPerson> people, @Nullable Instant followUpDoneAt, @Nullable String followUpDoneBy,
                           String createdBy, Instant createdAt, long version, boolean editable,
                           List<String> monitorNames) {

    /** The shelter's name or the free-text place. */
    public String placeLabel() {
        return shelterName != null ? shelterName : form.place() == null ? "" : form.place();
    }
}
