package org.protectioncases.cases;

import org.protectioncases.people.DocumentType;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The editable fields of a case. The civil-documentation fields apply to CIVIL_DOCUMENTATION cases.
 *
 * @param submittedOn when the application went to the authority
 * @param obtainedOn when the document was issued (not in the future, not before submission)
 */
public record CaseUpdate(CasePriority priority, @Nullable LocalDate nextActionDate, @Nullable String summary,
                         @Nullable DocumentType documentSought, @Nullable String authority, @Nullable LocalDate submittedOn,
                         @Nullable LocalDate obtainedOn) {

    public static CaseUpdate initial(CasePriority priority, @Nullable String summary, @Nullable DocumentType documentSought) {
        return new CaseUpdate(priority, null, summary, documentSought, null, null, null);
    }
}
