package org.protectioncases.cases;

import jakarta.validation.constraints.Size;
import org.protectioncases.shared.validation.MultiLine;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.protectioncases.people.DocumentType;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Opening a case for a person.
 *
 * @param assignTo username of the caseworker; null means the signed-in user
 * @param openedOn null means today
 */
public record NewCase(long personId, CaseType type, CasePriority priority, @Size(max = SUMMARY_MAX) @MultiLine @Nullable String summary,
                      @Nullable DocumentType documentSought, @Size(max = TextRules.USERNAME) @SingleLine @Nullable String assignTo, @Nullable LocalDate openedOn) {

    /** protection_case.summary is varchar(2000). */
    public static final int SUMMARY_MAX = 2000;
}
