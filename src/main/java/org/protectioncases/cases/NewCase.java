package org.protectioncases.cases;

import org.protectioncases.people.DocumentType;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Opening a case for a person.
 *
 * @param assignTo username of the caseworker; null means the signed-in user
 * @param openedOn null means today
 */
public record NewCase(long personId, CaseType type, CasePriority priority, @Nullable String summary,
                      @Nullable DocumentType documentSought, @Nullable String assignTo, @Nullable LocalDate openedOn) {
}
