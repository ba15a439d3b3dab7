package org.protectioncases.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.cases.CaseOutcome.APPLICATION_REJECTED;
import static org.protectioncases.cases.CaseOutcome.APPLICATION_WITHDRAWN;
import static org.protectioncases.cases.CaseOutcome.CLIENT_WITHDREW;
import static org.protectioncases.cases.CaseOutcome.DOCUMENT_OBTAINED;
import static org.protectioncases.cases.CaseOutcome.DOCUMENT_REFUSED;
import static org.protectioncases.cases.CaseOutcome.DURABLE_SOLUTION_REACHED;
import static org.protectioncases.cases.CaseOutcome.LOST_CONTACT;
import static org.protectioncases.cases.CaseOutcome.NATIONALITY_CONFIRMED;
import static org.protectioncases.cases.CaseOutcome.PROTECTION_GRANTED;
import static org.protectioncases.cases.CaseOutcome.REFERRED_ELSEWHERE;
import static org.protectioncases.cases.CaseOutcome.RESOLVED;
import static org.protectioncases.cases.CaseOutcome.RETURNED_AND_ASSISTED;
import static org.protectioncases.cases.CaseOutcome.RETURN_NOT_POSSIBLE;
import static org.protectioncases.cases.CaseOutcome.STATELESSNESS_DETERMINED;
import static org.protectioncases.cases.CaseOutcome.UNRESOLVED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which outcomes a closed case of each type may have (the closing dialog's list and the service's check). */
class CaseTypeOutcomesTest {

    private static final List<CaseOutcome> COMMON = List.of(REFERRED_ELSEWHERE, CLIENT_WITHDREW, LOST_CONTACT);

    @Test
    void eachTypeOffersItsOwnOutcomesFirstThenTheCommonOnes() {
        assertThat(CaseType.ASYLUM.outcomes()).containsExactly(PROTECTION_GRANTED, APPLICATION_REJECTED, APPLICATION_WITHDRAWN,
                REFERRED_ELSEWHERE, CLIENT_WITHDREW, LOST_CONTACT);
        assertThat(CaseType.RETURN_REINTEGRATION.outcomes()).containsExactly(RETURNED_AND_ASSISTED, RETURN_NOT_POSSIBLE,
                REFERRED_ELSEWHERE, CLIENT_WITHDREW, LOST_CONTACT);
        assertThat(CaseType.CIVIL_DOCUMENTATION.outcomes()).containsExactly(DOCUMENT_OBTAINED, DOCUMENT_REFUSED,
                REFERRED_ELSEWHERE, CLIENT_WITHDREW, LOST_CONTACT);
        assertThat(CaseType.STATELESSNESS.outcomes()).containsExactly(NATIONALITY_CONFIRMED, STATELESSNESS_DETERMINED, UNRESOLVED,
                REFERRED_ELSEWHERE, CLIENT_WITHDREW, LOST_CONTACT);
        assertThat(CaseType.IDP_DURABLE_SOLUTIONS.outcomes()).containsExactly(DURABLE_SOLUTION_REACHED, UNRESOLVED,
                REFERRED_ELSEWHERE, CLIENT_WITHDREW, LOST_CONTACT);
        assertThat(CaseType.GENERAL_PROTECTION.outcomes()).containsExactly(RESOLVED, UNRESOLVED,
                REFERRED_ELSEWHERE, CLIENT_WITHDREW, LOST_CONTACT);
    }

    @Test
    void anOutcomeOfOneProcedureIsNotOfferedForAnother() {
        assertThat(CaseType.CIVIL_DOCUMENTATION.outcomes()).doesNotContain(PROTECTION_GRANTED, NATIONALITY_CONFIRMED, RESOLVED);
        assertThat(CaseType.ASYLUM.outcomes()).doesNotContain(DOCUMENT_OBTAINED, UNRESOLVED, RESOLVED);
        assertThat(CaseType.GENERAL_PROTECTION.outcomes()).doesNotContain(PROTECTION_GRANTED, STATELESSNESS_DETERMINED);
    }

    @Test
    void everyOutcomeBelongsToSomeTypeAndNoListRepeatsOne() {
        Set<CaseOutcome> offered = EnumSet.noneOf(CaseOutcome.class);
        for (CaseType type : CaseType.values()) {
            assertThat(type.outcomes()).as(type.name()).doesNotHaveDuplicates().endsWith(COMMON.toArray(CaseOutcome[]::new));
            offered.addAll(type.outcomes());
        }
        assertThat(offered).containsExactlyInAnyOrderElementsOf(Arrays.asList(CaseOutcome.values()));
    }
}
