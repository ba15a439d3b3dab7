package org.protectioncases.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.db.JsonColumnMapper;

/** What protection_case.type_details holds: every type's record to JSON and back, through the mapper Hibernate uses. */
class CaseTypeDetailsJsonTest {

    private final JsonColumnMapper mapper = new JsonColumnMapper();

    private CaseTypeDetails roundTrip(CaseTypeDetails details) {
        return mapper.fromString(mapper.toString(details, CaseTypeDetails.class), CaseTypeDetails.class);
    }

    /** Every field of every type filled in. */
    private static CaseTypeDetails filled(CaseType type) {
        return switch (type) {
            case ASYLUM -> new CaseTypeDetails.Asylum(LocalDate.of(2026, 1, 15), CaseTypeDetails.ProcedureStage.APPEAL,
                    CaseTypeDetails.AsylumDecision.REJECTED, LocalDate.of(2026, 6, 1), true);
            case STATELESSNESS -> new CaseTypeDetails.Statelessness("Serbian", "Father's birth certificate \"Beograd\"",
                    CaseTypeDetails.DeterminationOutcome.STATELESS);
            case RETURN_REINTEGRATION -> new CaseTypeDetails.ReturnReintegration("Pejë/Peć", LocalDate.of(2025, 5, 1),
                    CaseTypeDetails.ReturnAssistance.REINTEGRATION_PACKAGE);
            case IDP_DURABLE_SOLUTIONS -> new CaseTypeDetails.IdpDurableSolutions("Collective centre, Zvečan",
                    CaseTypeDetails.DurableSolution.LOCAL_INTEGRATION);
            case CIVIL_DOCUMENTATION, GENERAL_PROTECTION -> new CaseTypeDetails.None();
        };
    }

    @Test
    void everyTypesDetailsComeBackAsTheyWentInFilledAndEmpty() {
        for (CaseType type : CaseType.values()) {
            CaseTypeDetails full = filled(type);
            assertThat(full.fits(type)).as(type.name()).isTrue();
            assertThat(roundTrip(full)).as(type + " filled").isEqualTo(full);
            assertThat(roundTrip(CaseTypeDetails.empty(type))).as(type + " empty").isEqualTo(CaseTypeDetails.empty(type));
        }
    }

    @Test
    void storedWithTheTypeIsoDatesAndOnlyTheFieldsEntered() {
        assertThat(mapper.toString(new CaseTypeDetails.Asylum(LocalDate.of(2026, 1, 15), CaseTypeDetails.ProcedureStage.INTERVIEW,
                null, null, false), CaseTypeDetails.class))
                .isEqualTo("{\"type\":\"ASYLUM\",\"applicationDate\":\"2026-01-15\",\"procedureStage\":\"INTERVIEW\",\"appealLodged\":false}");
        assertThat(mapper.toString(new CaseTypeDetails.None(), CaseTypeDetails.class)).isEqualTo("{\"type\":\"NONE\"}");
    }

    @Test
    void clearedDetailsReadAsNoneWhichACaseShowsAsItsTypesEmptyRecord() {
        // What the anonymisation and the retention write (type_details = '{}').
        CaseTypeDetails cleared = mapper.fromString("{}", CaseTypeDetails.class);
        assertThat(cleared).isEqualTo(new CaseTypeDetails.None());
        assertThat(cleared.fits(CaseType.ASYLUM)).isFalse();
        ProtectionCase asylum = new ProtectionCase(CaseType.ASYLUM, 1, 1, "lawyer", LocalDate.of(2026, 1, 1));
        assertThat(asylum.getTypeDetails()).isEqualTo(CaseTypeDetails.empty(CaseType.ASYLUM));
    }

    @Test
    void blankTextIsNotKnownAndDatesAreListedForTheFutureCheck() {
        assertThat(new CaseTypeDetails.Statelessness("  ", " Serbian ", null))
                .isEqualTo(new CaseTypeDetails.Statelessness(null, "Serbian", null));
        assertThat(filled(CaseType.ASYLUM).dates()).containsOnlyKeys("applicationDate", "decisionDate");
        assertThat(filled(CaseType.RETURN_REINTEGRATION).dates()).containsOnlyKeys("returnDate");
        assertThat(List.of(CaseType.values())).allSatisfy(t -> assertThat(CaseTypeDetails.empty(t).dates()).isEmpty());
    }
}
