package org.protectioncases.people;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A recorded consent; active while {@code withdrawnOn} is null. {@code givenBy}: the person or who gave it for them. */
public record ConsentDto(@Nullable Long id, ConsentScope scope, LocalDate givenOn, @Nullable String note, String recordedBy,
                         @Nullable LocalDate withdrawnOn, @Nullable String withdrawnBy, ConsentGiver givenBy) {

    public boolean active() {
        return withdrawnOn == null;
    }
}
