package org.protectioncases.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.protectioncases.support.TestRecords.person;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionForm;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.people.Community;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PopulationGroup;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Subject access (issue #16): the owning partner's coordinator gets the person's complete record as
 * JSON and as a PDF in English, Albanian or Serbian; confidential notes are left out and the rule is
 * printed; other partners and other roles get nothing; every export is logged.
 */
@SpringBootTest
class SubjectAccessIT extends ActingUsers {

    @Autowired
    SubjectAccessService subjectAccess;
    @Autowired
    PersonService people;
    @Autowired
    PersonFileService files;
    @Autowired
    ConsentService consents;
    @Autowired
    ReferralService referrals;
    @Autowired
    CounsellingService sessions;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    TestRecords records;

    PersonDetails person;
    String caseNo;

    @BeforeEach
    void personWithARecord() {
        person = records.register("lawyer.krct", person("Qëndresë", "Çeliku", Sex.FEMALE, LocalDate.of(1984, 8, 21),
                Community.ROMA, "FER"));
        as("lawyer.krct", () -> files.addGroup(person.id(), PopulationGroup.RETURNEE, LocalDate.of(2015, 3, 1), null, null));
        as("lawyer.krct", () -> consents.recordConsent(person.id(), ConsentScope.REFERRAL, LocalDate.now().minusDays(20), null));
        CaseDetails opened = records.open("lawyer.krct", new NewCase(person.id(), CaseType.CIVIL_DOCUMENTATION,
                CasePriority.HIGH, "Needs a birth certificate for her son", null, "lawyer.krct", LocalDate.now().minusDays(15)));
        caseNo = opened.summary().caseNo();
        as("lawyer.krct", () -> referrals.refer(opened.summary().id(), opened.version(), ReferralTarget.MUNICIPAL_CIVIL_REGISTRY,
                LocalDate.now().minusDays(10), "Late registration of birth"));
        as("lawyer.krct", () -> sessions.log(opened.summary().id(), new SessionForm(LocalDateTime.now().minusDays(5).withNano(0), 45,
                SessionMode.OFFICE, LegalAidType.COUNSELLING, Set.of(SessionTopic.CIVIL_DOCUMENTATION), Set.of(), false, null,
                "Explained the late registration procedure", "Documents listed", "Bring the hospital letter", null,
                "Partner-internal: doubts about the story")));
    }

    private String pdfText(Language language) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        as("coordinator.krct", () -> {
            subjectAccess.writePdf(person.registrationNo(), language, out);
            return null;
        });
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void theCoordinatorGetsTheWholeRecordWithoutConfidentialNotesInEachLanguage() throws Exception {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        as("coordinator.krct", () -> {
            subjectAccess.writeJson(person.registrationNo(), Language.EN, json);
            return null;
        });
        String text = json.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Qëndresë", "Çeliku", person.registrationNo(), "RETURNEE", "REFERRAL", caseNo,
                "Needs a birth certificate for her son", "MUNICIPAL_CIVIL_REGISTRY", "Explained the late registration procedure",
                "Bring the hospital letter", "Feride Rushiti", "Under UNHCR's data protection policy");
        assertThat(text).doesNotContain("Partner-internal", "confidentialNote");

        String en = pdfText(Language.EN);
        assertThat(en).contains("Personal data held about you", "Qëndresë Çeliku", person.registrationNo(), caseNo,
                "Explained the late registration procedure", "confidential notes kept internally", "Who opened your record");
        assertThat(en).doesNotContain("Partner-internal");
        String sq = pdfText(Language.SQ);
        assertThat(sq).contains("Të dhënat personale që mbahen për ju", "Pëlqimet", "Kush i hapi të dhënat tuaja", "Qëndresë Çeliku");
        assertThat(sq).doesNotContain("Partner-internal", "Personal data held about you");
        String sr = pdfText(Language.SR);
        assertThat(sr).contains("Lični podaci koji se vode o vama", "Saglasnosti", "Ko je otvarao vaš zapis", "poverljive beleške");

        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SUBJECT_ACCESS_EXPORTED' and entity_id = :id")
                .param("id", String.valueOf(person.id())).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'EXPORTED' and entity_type = :t and actor = 'coordinator.krct'")
                .param("t", SubjectAccessService.ACCESS_TYPE).query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void onlyTheRegisteringPartnersCoordinator() {
        assertThatThrownBy(() -> as("lawyer.krct", () -> subjectAccess.collect(person.registrationNo(), Language.EN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("manager", () -> subjectAccess.collect(person.registrationNo(), Language.EN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("coordinator.crpk", () -> subjectAccess.collect(person.registrationNo(), Language.EN)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("registrationNo"));
        assertThatThrownBy(() -> as("coordinator.krct", () -> subjectAccess.collect("KOS-1900-000000", Language.EN)))
                .isInstanceOf(FieldValidationException.class);
    }
}
