package org.protectioncases.cases;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.protectioncases.shared.validation.MultiLine;
import org.protectioncases.shared.validation.RuleKeys;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.people.DocumentType;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The editable fields of a case. The civil-documentation fields apply to CIVIL_DOCUMENTATION cases.
 *
 * @param submittedOn when the application went to the authority
 * @param obtainedOn when the document was issued (not in the future, not before submission)
 */
public record CaseUpdate(CasePriority priority, @Nullable LocalDate nextActionDate, @Size(max = NewCase.SUMMARY_MAX) @MultiLine @Nullable String summary,
                         @Nullable DocumentType documentSought, @Size(max = AUTHORITY_MAX) @SingleLine @Nullable String authority,
                         @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate submittedOn,
                         @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate obtainedOn) {

    /** protection_case.authority is varchar(200). */
    public static final int AUTHORITY_MAX = 200;

    public static CaseUpdate initial(CasePriority priority, @Nullable String summary, @Nullable DocumentType documentSought) {
        return new CaseUpdate(priority, null, summary, documentSought, null, null, null);
    }
}
