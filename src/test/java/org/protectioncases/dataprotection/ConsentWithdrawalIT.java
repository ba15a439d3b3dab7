package org.protectioncases.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.protectioncases.support.TestRecords.person;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseTransferService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseloadService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.cases.TransferDto;
import org.protectioncases.people.Community;
import org.protectioncases.people.ConsentDto;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Consent withdrawal takes effect (issue #16): no new referral or transfer, a pending transfer is
 * cancelled so it can no longer be accepted, and a case with open referrals is flagged to its
 * caseworker (timeline entry, next action due today, in "My follow-ups").
 */
@SpringBootTest
class ConsentWithdrawalIT extends ActingUsers {

    @Autowired
    PersonService people;
    @Autowired
    ConsentService consents;
    @Autowired
    CaseService cases;
    @Autowired
    ReferralService referrals;
    @Autowired
    CaseTransferService transfers;
    @Autowired
    CaseloadService caseload;
    @Autowired
    TestRecords records;

    private CaseDetails reload(long caseId) {
        return as("lawyer.krct", () -> cases.get(caseId)).orElseThrow();
    }

    @Test
    void withdrawnConsentsStopTransfersAndFlagOpenReferrals() {
        PersonDetails person = records.register("lawyer.krct", person("Pëlqim", "Tërhequr", Sex.FEMALE, LocalDate.of(1990, 5, 5),
                Community.EGYPTIAN, "GJA"));
        LocalDate given = LocalDate.now().minusDays(10);
        ConsentDto referral = as("lawyer.krct", () -> consents.recordConsent(person.id(), ConsentScope.REFERRAL, given, null));
        ConsentDto transfer = as("lawyer.krct", () -> consents.recordConsent(person.id(), ConsentScope.TRANSFER, given, null));
        CaseDetails opened = records.open("lawyer.krct", new NewCase(person.id(), CaseType.GENERAL_PROTECTION,
                CasePriority.NORMAL, null, null, "lawyer.krct", LocalDate.now().minusDays(9)));
        long caseId = opened.summary().id();
        as("lawyer.krct", () -> referrals.refer(caseId, opened.version(), ReferralTarget.OMBUDSPERSON, LocalDate.now().minusDays(5),
                "Complaint about the civil registry"));
        TransferDto pending = as("lawyer.krct", () -> transfers.requestTransfer(caseId, reload(caseId).version(), partner("CRPK"),
                "The person moved to Mitrovica"));
        assertThat(pending.status()).isEqualTo("PENDING");
        assertThat(reload(caseId).summary().nextActionDate()).isNull();

        // Transfer consent withdrawn: the pending transfer is cancelled; the receiver has nothing left to accept.
        as("lawyer.krct", () -> consents.withdrawConsent(transfer.id(), LocalDate.now()));
        CaseDetails afterTransfer = reload(caseId);
        assertThat(afterTransfer.transfers()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo("DECLINED");
            assertThat(t.decisionNote()).contains("consent to transfer withdrawn");
        });
        assertThat(as("coordinator.crpk", () -> transfers.incomingTransfers())).extracting(TransferDto::id).doesNotContain(pending.id());
        assertThat(afterTransfer.summary().owningPartner()).isEqualTo(partner("KRCT"));
        assertThatThrownBy(() -> as("lawyer.krct", () -> transfers.requestTransfer(caseId, reload(caseId).version(), partner("CRPK"), "again")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("consent"));

        // Referral consent withdrawn: no new referral; the open one is flagged to the caseworker.
        as("lawyer.krct", () -> consents.withdrawConsent(referral.id(), LocalDate.now()));
        assertThatThrownBy(() -> as("lawyer.krct", () -> referrals.refer(caseId, reload(caseId).version(), ReferralTarget.COURT,
                LocalDate.now(), "Another")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("consent"));
        CaseDetails flagged = reload(caseId);
        assertThat(flagged.summary().nextActionDate()).isEqualTo(LocalDate.now());
        assertThat(flagged.timeline()).anySatisfy(s -> assertThat(s.reason()).contains("tell the partners of open referrals"));
        assertThat(as("lawyer.krct", () -> caseload.myNextActions(LocalDate.now(), 500)))
                .anySatisfy(f -> assertThat(f.recordId()).isEqualTo(caseId));
    }
}
