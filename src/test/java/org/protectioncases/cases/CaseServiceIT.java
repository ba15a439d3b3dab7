package org.protectioncases.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.DocumentType;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonMergeService;
import org.protectioncases.people.PersonNotFoundException;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The civil-documentation journey of the issue, with every rule on the way, at service level. */
@SpringBootTest
class CaseServiceIT extends ActingUsers {

    @Autowired
    CaseService cases;
    @Autowired
    CaseWorkflowService caseWorkflow;
    @Autowired
    CaseloadService caseloads;
    @Autowired
    ReferralService caseReferrals;
    @Autowired
    CaseTransferService caseTransfers;
    @Autowired
    PersonService people;
    @Autowired
    PersonFileService personFiles;
    @Autowired
    ConsentService consents;
    @Autowired
    PersonMergeService personMerges;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private PersonDetails person(String partnerCode) {
        return as(Role.PARTNER_LAWYER, partnerCode, () -> people.register(PersonForm.of("Case", "Person", Sex.FEMALE,
                LocalDate.of(1992, 1, 1), BirthDatePrecision.EXACT, Community.ASHKALI, "FER"), List.of()));
    }

    private CaseDetails civilDocCase(String partnerCode, long personId) {
        return as(Role.PARTNER_LAWYER, partnerCode, () -> caseWorkflow.open(new NewCase(personId, CaseType.CIVIL_DOCUMENTATION,
                CasePriority.HIGH, "Birth never registered", DocumentType.BIRTH_CERTIFICATE, null, null)));
    }

    @Test
    void civilDocumentationCaseFromOpeningThroughReferralToClosing() {
        PersonDetails p = person("CRPK");
        CaseDetails opened = civilDocCase("CRPK", p.id());
        assertThat(opened.summary().caseNo()).matches("C-\\d{4}-\\d{6}");
        assertThat(opened.summary().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.summary().assignedTo()).isEqualTo("system");
        assertThat(opened.fields().documentSought()).isEqualTo(DocumentType.BIRTH_CERTIFICATE);

        // No referral without the person's consent to referral.
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> caseReferrals.refer(opened.id(), opened.version(),
                ReferralTarget.MUNICIPAL_CIVIL_REGISTRY, LocalDate.now(), "Late birth registration")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("consent"));
        as(Role.PARTNER_LAWYER, "CRPK", () -> consents.recordConsent(p.id(), ConsentScope.REFERRAL, LocalDate.now(), "verbal, interpreter present"));
        ReferralDto referral = as(Role.PARTNER_LAWYER, "CRPK", () -> caseReferrals.refer(opened.id(), opened.version(),
                ReferralTarget.MUNICIPAL_CIVIL_REGISTRY, LocalDate.now(), "Late birth registration"));
        assertThat(referral.status()).isEqualTo(ReferralStatus.SENT);
        as(Role.PARTNER_LAWYER, "CRPK", () -> caseReferrals.respond(referral.id(), referral.version(), ReferralStatus.COMPLETED, LocalDate.now()));

        CaseDetails waiting = as(Role.PARTNER_LAWYER, "CRPK", () -> caseWorkflow.changeStatus(opened.id(), opened.version(),
                CaseStatus.WAITING_FOR_AUTHORITY, null, null));
        CaseDetails withDates = as(Role.PARTNER_LAWYER, "CRPK", () -> caseWorkflow.update(waiting.id(), waiting.version(),
                new CaseUpdate(CasePriority.HIGH, null, "Submitted to the civil registry", DocumentType.BIRTH_CERTIFICATE,
                        "Civil registry Ferizaj", LocalDate.now().minusDays(3), LocalDate.now())));

        // Closing needs an outcome, and one that fits the case type.
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> caseWorkflow.changeStatus(withDates.id(), withDates.version(),
                CaseStatus.CLOSED, null, null)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsEntry("outcome", "case.validation.outcomeRequired"));
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> caseWorkflow.changeStatus(withDates.id(), withDates.version(),
                CaseStatus.CLOSED, null, CaseOutcome.PROTECTION_GRANTED)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsEntry("outcome", "case.validation.outcomeType"));
        CaseDetails closed = as(Role.PARTNER_LAWYER, "CRPK", () -> caseWorkflow.changeStatus(withDates.id(), withDates.version(),
                CaseStatus.CLOSED, null, CaseOutcome.DOCUMENT_OBTAINED));
        assertThat(closed.summary().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.summary().closedOn()).isEqualTo(LocalDate.now());
        assertThat(closed.timeline()).extracting(StatusChangeDto::to)
                .containsExactly(CaseStatus.OPEN, CaseStatus.WAITING_FOR_AUTHORITY, CaseStatus.CLOSED);
        assertThat(closed.referrals()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(ReferralStatus.COMPLETED));

        // Reopening needs a reason.
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> caseWorkflow.changeStatus(closed.id(), closed.version(),
                CaseStatus.IN_PROGRESS, " ", null))).isInstanceOf(FieldValidationException.class);

        // A UNHCR manager sees the case, its history, and who opened it.
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> cases.get(closed.id()))).isPresent();
        List<AuditEventDto> history = as(Role.UNHCR_MANAGER, "UNHCR", () -> cases.history(closed.id()));
        assertThat(history).extracting(AuditEventDto::action)
                .contains("CASE_OPENED", "REFERRAL_SENT", "REFERRAL_COMPLETED", "CASE_UPDATED", "CASE_STATUS");
        assertThat(history).anyMatch(h -> h.details() != null && h.details().contains("authority: null → Civil registry Ferizaj"));
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> cases.accessLog(closed.id())))
                .anyMatch(a -> a.username().equals("system") && a.granted());
    }

    @Test
    void anotherPartnerCannotReachTheCaseOrItsPerson() {
        PersonDetails p = person("CRPK");
        CaseDetails c = civilDocCase("CRPK", p.id());
        assertThat(as(Role.PROTECTION_MONITOR, "KRCT", () -> cases.get(c.id()))).isEmpty();
        assertThat(as(Role.PARTNER_LAWYER, "KRCT", () -> cases.get(c.id()))).isEmpty();
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "KRCT", () -> caseWorkflow.changeStatus(c.id(), c.version(), CaseStatus.IN_PROGRESS, null, null)))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "KRCT", () -> cases.history(c.id()))).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "KRCT", () -> caseWorkflow.open(new NewCase(p.id(), CaseType.GENERAL_PROTECTION,
                CasePriority.NORMAL, null, null, null, null)))).isInstanceOf(PersonNotFoundException.class);
        assertThat(as(Role.PARTNER_LAWYER, "KRCT", () -> cases.count(new CaseFilter(false, null, null, null, false, p.id())))).isZero();
        assertThat(jdbc.sql("select count(*) from record_access where entity_type = 'case' and entity_id = :id and not granted")
                .param("id", c.id()).query(Long.class).single()).isGreaterThanOrEqualTo(3);
        assertThatThrownBy(() -> system.runAsAdmin(() -> cases.get(c.id()))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyAllowedTransitionsAndOnlyTheAssignedLawyerOrTheCoordinator() {
        PersonDetails p = person("AT");
        CaseDetails c = civilDocCase("AT", p.id());
        // A monitor reads but does not change cases.
        assertThat(as(Role.PROTECTION_MONITOR, "AT", () -> cases.get(c.id()))).isPresent();
        assertThatThrownBy(() -> as(Role.PROTECTION_MONITOR, "AT", () -> caseWorkflow.changeStatus(c.id(), c.version(), CaseStatus.IN_PROGRESS, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        // Another lawyer of the same partner may not change a case assigned to someone else.
        CaseDetails reassigned = as(Role.PARTNER_COORDINATOR, "AT", () -> caseloads.assign(c.id(), c.version(), "lawyer.at"));
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "AT", () -> caseWorkflow.changeStatus(c.id(), reassigned.version(), CaseStatus.IN_PROGRESS, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        // Stale versions are refused.
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "AT", () -> caseWorkflow.changeStatus(c.id(), c.version(), CaseStatus.IN_PROGRESS, null, null)))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        CaseDetails inProgress = as(Role.PARTNER_COORDINATOR, "AT", () -> caseWorkflow.changeStatus(c.id(), reassigned.version(), CaseStatus.IN_PROGRESS, null, null));
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "AT", () -> caseWorkflow.changeStatus(c.id(), inProgress.version(), CaseStatus.OPEN, null, null)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsEntry("status", "case.validation.transition"));
    }

    @Test
    void listsAreScopedAndFiltered() {
        PersonDetails p = person("KRCT");
        CaseDetails c = civilDocCase("KRCT", p.id());
        CaseFilter forPerson = new CaseFilter(false, CaseType.CIVIL_DOCUMENTATION, CaseStatus.OPEN, null, false, p.id());
        assertThat(as(Role.PARTNER_LAWYER, "KRCT", () -> cases.list(forPerson, PageRequest.of(0, 10))))
                .singleElement().satisfies(s -> {
                    assertThat(s.id()).isEqualTo(c.id());
                    assertThat(s.personLabel()).contains("Case Person");
                });
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> cases.count(forPerson))).isEqualTo(1);
        assertThat(as(Role.PARTNER_LAWYER, "CRPK", () -> cases.count(forPerson))).isZero();
        assertThat(as(Role.PARTNER_LAWYER, "KRCT", () -> cases.count(new CaseFilter(true, null, null, null, false, p.id())))).isEqualTo(1);
    }

    @Test
    void transferToKrctMovesTheCaseAndPersonAndTheSenderSeesNothingNew() {
        PersonDetails p = person("CRPK");
        CaseDetails c = civilDocCase("CRPK", p.id());
        long krct = partner("KRCT");
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> caseTransfers.requestTransfer(c.id(), c.version(), krct, "Survivor of torture")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("consent"));
        as(Role.PARTNER_LAWYER, "CRPK", () -> consents.recordConsent(p.id(), ConsentScope.TRANSFER, LocalDate.now(), null));
        TransferDto t = as(Role.PARTNER_LAWYER, "CRPK", () -> caseTransfers.requestTransfer(c.id(), c.version(), krct, "Survivor of torture"));

        // Before acceptance KRCT sees neither the case nor the person; its coordinator sees the request.
        assertThat(as(Role.PARTNER_LAWYER, "KRCT", () -> cases.get(c.id()))).isEmpty();
        assertThat(as(Role.PARTNER_LAWYER, "KRCT", () -> people.get(p.id()))).isEmpty();
        assertThat(as(Role.PARTNER_COORDINATOR, "KRCT", () -> caseTransfers.incomingTransfers())).anyMatch(x -> x.id() == t.id());
        // Nobody can grant themselves access to the person without an accepted transfer.
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "AT", () -> { people.shareWithPartner(p.id(), partner("AT"), "x"); return null; }))
                .isInstanceOf(AccessDeniedException.class);
        // Only the receiving partner's coordinator decides.
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "AT", () -> caseTransfers.decideTransfer(t.id(), true, null)))
                .isInstanceOf(CaseNotFoundException.class);

        as(Role.PARTNER_COORDINATOR, "KRCT", () -> caseTransfers.decideTransfer(t.id(), true, "We take it"));
        CaseDetails atKrct = as(Role.PARTNER_COORDINATOR, "KRCT", () -> cases.get(c.id())).orElseThrow();
        assertThat(atKrct.summary().owningPartner()).isEqualTo(krct);
        assertThat(atKrct.editable()).isTrue();
        assertThat(as(Role.PARTNER_LAWYER, "KRCT", () -> people.get(p.id()))).isPresent();

        // KRCT moves on; CRPK still reads what it recorded, but not what came after, and cannot change anything.
        as(Role.PARTNER_COORDINATOR, "KRCT", () -> caseWorkflow.changeStatus(c.id(), atKrct.version(), CaseStatus.IN_PROGRESS, "KRCT took over", null));
        CaseDetails atCrpk = as(Role.PARTNER_LAWYER, "CRPK", () -> cases.get(c.id())).orElseThrow();
        assertThat(atCrpk.formerOwnerView()).isTrue();
        assertThat(atCrpk.editable()).isFalse();
        assertThat(atCrpk.timeline()).noneMatch(s -> "KRCT took over".equals(s.reason()));
        assertThat(as(Role.PARTNER_LAWYER, "CRPK", () -> cases.history(c.id()))).noneMatch(h -> h.details() != null && h.details().contains("KRCT took over"));
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "CRPK", () -> caseWorkflow.changeStatus(c.id(), atCrpk.version(), CaseStatus.CLOSED, null, CaseOutcome.RESOLVED)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> cases.get(c.id()))).isEmpty();
    }

    @Test
    void aManagerMergesADuplicateAndNothingIsLost() {
        PersonDetails kept = person("CRPK");
        PersonDetails duplicate = person("AT");
        as(Role.PARTNER_LAWYER, "AT", () -> personFiles.addGroup(duplicate.id(), org.protectioncases.people.PopulationGroup.IDP,
                LocalDate.of(2001, 1, 1), null, org.protectioncases.people.DisplacementPlace.WITHIN_KOSOVO));
        CaseDetails atCase = civilDocCase("AT", duplicate.id());

        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "CRPK", () -> personMerges.merge(kept.id(), duplicate.registrationNo())))
                .isInstanceOf(AccessDeniedException.class);
        PersonDetails merged = as(Role.UNHCR_MANAGER, "UNHCR", () -> personMerges.merge(kept.id(), duplicate.registrationNo()));

        assertThat(merged.groups()).anyMatch(g -> g.group() == org.protectioncases.people.PopulationGroup.IDP);
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> cases.get(atCase.id()))).get()
                .satisfies(c -> assertThat(c.summary().personId()).isEqualTo(kept.id()));
        // The partner that registered the duplicate still sees the person (now the kept record) and its case.
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> people.get(kept.id()))).isPresent();
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> people.get(duplicate.id()))).isEmpty();
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> personMerges.mergedInto(duplicate.id()))).contains(kept.id());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PERSON_MERGED' and entity_id in (:a, :b)")
                .param("a", String.valueOf(kept.id())).param("b", String.valueOf(duplicate.id())).query(Long.class).single()).isEqualTo(2);
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> personMerges.merge(kept.id(), duplicate.registrationNo())))
                .isInstanceOf(FieldValidationException.class);
    }

    @Test
    void typeSpecificFieldsAreValidatedAgainstTheCaseTypeAndAudited() {
        PersonDetails p = person("AT");
        CaseDetails asylum = as(Role.PARTNER_LAWYER, "AT", () -> caseWorkflow.open(new NewCase(p.id(), CaseType.ASYLUM, CasePriority.HIGH,
                null, null, null, null)));
        assertThat(asylum.typeDetails()).isEqualTo(new CaseTypeDetails.Asylum(null, null, null, null, null));
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "AT", () -> caseWorkflow.updateTypeDetails(asylum.id(), asylum.version(),
                new CaseTypeDetails.Asylum(null, CaseTypeDetails.ProcedureStage.INTERVIEW, null, LocalDate.now().plusDays(2), null))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsExactly(java.util.Map.entry("decisionDate", "validation.notInFuture")));
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "AT", () -> caseWorkflow.updateTypeDetails(asylum.id(), asylum.version(),
                new CaseTypeDetails.IdpDurableSolutions("x", null))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("typeDetails", "case.validation.unknownField"));
        CaseTypeDetails.Asylum entered = new CaseTypeDetails.Asylum(LocalDate.of(2026, 1, 15), CaseTypeDetails.ProcedureStage.INTERVIEW,
                null, null, false);
        CaseDetails updated = as(Role.PARTNER_LAWYER, "AT", () -> caseWorkflow.updateTypeDetails(asylum.id(), asylum.version(), entered));
        assertThat(updated.typeDetails()).isEqualTo(entered);
        // Read back from the jsonb column, and stored in the shape the migration writes.
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> cases.get(asylum.id()))).get()
                .satisfies(d -> assertThat(d.typeDetails()).isEqualTo(entered));
        assertThat(jdbc.sql("select type_details::text from protection_case where id = :id").param("id", asylum.id()).query(String.class).single())
                .isEqualTo("{\"type\": \"ASYLUM\", \"appealLodged\": false, \"procedureStage\": \"INTERVIEW\", \"applicationDate\": \"2026-01-15\"}");
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> cases.history(asylum.id())))
                .anyMatch(h -> h.details() != null && h.details().contains("procedureStage: null → INTERVIEW")
                        && h.details().contains("applicationDate: null → 2026-01-15"));
        // Cleared in SQL as the anonymisation and the retention do: the case shows its type's empty record.
        jdbc.sql("update protection_case set type_details = '{}' where id = :id").param("id", asylum.id()).update();
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> cases.get(asylum.id()))).get()
                .satisfies(d -> assertThat(d.typeDetails()).isEqualTo(CaseTypeDetails.empty(CaseType.ASYLUM)));
    }

    @Test
    void membersAndTheConfidentialNoteStayWithTheOwningPartner() {
        PersonDetails principal = person("CRPK");
        PersonDetails child = person("CRPK");
        PersonDetails elsewhere = person("AT");
        CaseDetails c = civilDocCase("CRPK", principal.id());
        CaseDetails withMember = as(Role.PARTNER_LAWYER, "CRPK", () -> caseWorkflow.addMember(c.id(), c.version(), child.registrationNo()));
        assertThat(withMember.members()).extracting(CaseMember::personId).containsExactly(child.id());
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> caseWorkflow.addMember(c.id(), c.version(), elsewhere.registrationNo())))
                .isInstanceOf(FieldValidationException.class);

        CaseDetails noted = as(Role.PARTNER_LAWYER, "CRPK", () -> caseWorkflow.updateConfidentialNote(c.id(), withMember.version(), "Fears reprisals from a relative"));
        assertThat(noted.confidentialNote()).isEqualTo("Fears reprisals from a relative");
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> cases.get(c.id()))).get().satisfies(d -> assertThat(d.confidentialNote()).isNull());
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> cases.history(c.id())))
                .noneMatch(h -> h.details() != null && h.details().contains("reprisals"));
    }
}
