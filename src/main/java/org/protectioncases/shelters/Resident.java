package org.protectioncases.shelters;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A stay of a person the user may see; {@code movedOut} is the day they left (no longer resident that day). */
public record Resident(long residenceId, long shelterId, long personId, String personLabel, LocalDate movedIn,
                       @Nullable LocalDate movedOut, long version) {
}
