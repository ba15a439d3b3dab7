package org.protectioncases.cases;

import java.util.List;
import java.util.stream.Stream;

/** The kinds of case partners run, each with the outcomes a closed case of that kind may have. */
public enum CaseType {
    ASYLUM(List.of(CaseOutcome.PROTECTION_GRANTED, CaseOutcome.APPLICATION_REJECTED, CaseOutcome.APPLICATION_WITHDRAWN)),
    RETURN_REINTEGRATION(List.of(CaseOutcome.RETURNED_AND_ASSISTED, CaseOutcome.RETURN_NOT_POSSIBLE)),
    CIVIL_DOCUMENTATION(List.of(CaseOutcome.DOCUMENT_OBTAINED, CaseOutcome.DOCUMENT_REFUSED)),
    STATELESSNESS(List.of(CaseOutcome.NATIONALITY_CONFIRMED, CaseOutcome.STATELESSNESS_DETERMINED, CaseOutcome.UNRESOLVED)),
    IDP_DURABLE_SOLUTIONS(List.of(CaseOutcome.DURABLE_SOLUTION_REACHED, CaseOutcome.UNRESOLVED)),
    GENERAL_PROTECTION(List.of(CaseOutcome.RESOLVED, CaseOutcome.UNRESOLVED));

    /** Outcomes every case type may end with, besides its own. */
    private static final List<CaseOutcome> COMMON = List.of(CaseOutcome.REFERRED_ELSEWHERE, CaseOutcome.CLIENT_WITHDREW,
            CaseOutcome.LOST_CONTACT);

    private final List<CaseOutcome> own;

    CaseType(List<CaseOutcome> own) {
        this.own = own;
    }

    /** The type's own fields, beyond the common ones, as an empty record (civil documentation has columns of its own). */
    public CaseTypeDetails emptyDetails() {
        return CaseTypeDetails.empty(this);
    }

    public List<CaseOutcome> outcomes() {
        return Stream.concat(own.stream(), COMMON.stream()).toList();
    }

    public String messageKey() {
        return "caseType." + name();
    }
}
