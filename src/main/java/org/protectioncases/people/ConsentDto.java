package org.protectioncases.people;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A recorded consent; active while {@code withdrawnOn} is null. */
public record ConsentDto(@Nullable Long id, ConsentScope scope, LocalDate givenOn, @Nullable String note, String recordedBy,
                         @Nullable LocalDate withdrawnOn, @Nullable String withdrawnBy) {

    public boolean active() {
        return withdrawnOn == null;
    }
}
