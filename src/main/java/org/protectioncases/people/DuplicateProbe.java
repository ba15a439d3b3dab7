package org.protectioncases.people;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/** A person to look for among the registered ones (or among other probes), as the duplicate check compares them. */
public record DuplicateProbe(@Size(max = TextRules.NAME) @SingleLine String givenName,
                             @Size(max = TextRules.NAME) @SingleLine String familyName,
                             @Nullable Integer birthYear) {

    PersonSearchRepository.Probe toProbe() {
        return PersonSearchRepository.Probe.of(givenName, familyName, birthYear, null);
    }

    boolean blank() {
        return givenName.isBlank() || familyName.isBlank();
    }
}
