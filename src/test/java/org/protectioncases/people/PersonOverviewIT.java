package org.protectioncases.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.protectioncases.support.TestRecords.person;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The person page's head (issue #13): current group, consent status, the restricted-need flag only
 * for those who may see restricted needs, and the person's cases through the cases module's
 * {@link PersonWorkSource}; consents recorded with who gave them.
 */
@SpringBootTest
class PersonOverviewIT extends ActingUsers {

    @Autowired
    PersonFileService files;
    @Autowired
    ConsentService consents;
    @Autowired
    PersonOverviewService overviews;
    @Autowired
    CaseWorkflowService workflow;
    @Autowired
    TestRecords records;

    private PersonDetails registerAtKrct(String family) {
        return records.register("lawyer.krct", person("Hub", family, Sex.FEMALE, LocalDate.of(1988, 3, 14), Community.ROMA, "PRI"));
    }

    @Test
    void theOverviewShowsGroupConsentsCasesAndTheRestrictedFlagOnlyToThoseWhoMaySeeIt() {
        PersonDetails p = registerAtKrct("Overviewa");
        CaseDetails c = as("lawyer.krct", () -> {
            files.addGroup(p.id(), PopulationGroup.RETURNEE, LocalDate.of(2015, 1, 1), LocalDate.of(2019, 12, 31),
                    DisplacementPlace.SERBIA);
            files.addGroup(p.id(), PopulationGroup.IDP, LocalDate.of(2020, 1, 1), null, DisplacementPlace.WITHIN_KOSOVO);
            files.addNeed(p.id(), SpecificNeed.TORTURE_SURVIVOR, LocalDate.now(), null);
            consents.recordConsents(p.id(), Set.of(ConsentScope.REFERRAL), ConsentGiver.PARENT_OR_GUARDIAN, LocalDate.now(), "signed");
            return workflow.open(new NewCase(p.id(), CaseType.ASYLUM, CasePriority.NORMAL, "Hub test", null, null, null));
        });

        PersonOverview own = as("lawyer.krct", () -> overviews.overview(p.id()));
        assertThat(own.currentGroup()).isEqualTo(PopulationGroup.IDP);
        assertThat(own.activeConsents()).containsExactly(ConsentScope.REFERRAL);
        assertThat(own.restrictedNeeds()).isTrue();
        assertThat(own.work()).singleElement().satisfies(w -> {
            assertThat(w.reference()).isEqualTo(c.summary().caseNo());
            assertThat(w.titleKey()).isEqualTo("caseType.ASYLUM");
            assertThat(w.statusKey()).isEqualTo("caseStatus.OPEN");
            assertThat(w.open()).isTrue();
            assertThat(w.href()).isEqualTo("cases/" + c.id());
        });
        assertThat(as("lawyer.krct", () -> consents.consents(p.id()))).singleElement()
                .satisfies(x -> assertThat(x.givenBy()).isEqualTo(ConsentGiver.PARENT_OR_GUARDIAN));

        // A UNHCR manager sees the person and the case, but not that there is a restricted need.
        PersonOverview manager = as("manager", () -> overviews.overview(p.id()));
        assertThat(manager.restrictedNeeds()).isFalse();
        assertThat(manager.work()).extracting(PersonWork::reference).containsExactly(c.summary().caseNo());

        // Another partner's staff get "not found".
        assertThatThrownBy(() -> as("lawyer.crpk", () -> overviews.overview(p.id()))).isInstanceOf(PersonNotFoundException.class);
    }

    @Test
    void aPersonWithoutCasesOrConsentsHasAnEmptyOverview() {
        PersonDetails p = registerAtKrct("Overviewb");
        PersonOverview o = as("lawyer.krct", () -> overviews.overview(p.id()));
        assertThat(o.currentGroup()).isNull();
        assertThat(o.activeConsents()).isEmpty();
        assertThat(o.restrictedNeeds()).isFalse();
        assertThat(o.work()).isEmpty();
    }

    @Test
    void consentsAreRecordedAllOrNoneWithWhoGaveThem() {
        PersonDetails p = registerAtKrct("Overviewc");
        assertThatThrownBy(() -> as("lawyer.krct", () -> consents.recordConsents(p.id(), Set.of(), ConsentGiver.PERSON,
                LocalDate.now().plusDays(1), null)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("scopes", "consent.validation.scope").containsEntry("givenOn", "validation.notInFuture"));
        assertThat(as("lawyer.krct", () -> consents.consents(p.id()))).isEmpty();

        List<ConsentDto> saved = as("lawyer.krct", () -> consents.recordConsents(p.id(),
                Set.of(ConsentScope.DATA_SHARING_UNHCR, ConsentScope.REGISTRATION), ConsentGiver.PERSON, LocalDate.now(), null));
        assertThat(saved).extracting(ConsentDto::scope).containsExactly(ConsentScope.REGISTRATION, ConsentScope.DATA_SHARING_UNHCR);
        assertThat(as("lawyer.krct", () -> consents.activeConsent(p.id(), ConsentScope.REGISTRATION))).isPresent();
        assertThatThrownBy(() -> as("lawyer.crpk", () -> consents.recordConsents(p.id(), Set.of(ConsentScope.REFERRAL),
                ConsentGiver.PERSON, LocalDate.now(), null))).isInstanceOf(PersonNotFoundException.class);
    }
}
