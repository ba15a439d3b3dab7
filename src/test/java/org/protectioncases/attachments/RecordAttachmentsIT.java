package org.protectioncases.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionDto;
import org.protectioncases.counselling.SessionForm;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.monitoring.LocationType;
import org.protectioncases.monitoring.OthersMet;
import org.protectioncases.monitoring.ProtectionConcern;
import org.protectioncases.monitoring.VisitDetails;
import org.protectioncases.monitoring.VisitForm;
import org.protectioncases.monitoring.VisitPurpose;
import org.protectioncases.monitoring.VisitService;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/** Sessions and visits accept attachments under their own access rules, as cases do. */
@SpringBootTest
class RecordAttachmentsIT {

    @Autowired
    AttachmentService attachments;
    @Autowired
    CounsellingService sessions;
    @Autowired
    VisitService visits;
    @Autowired
    CaseService cases;
    @Autowired
    CaseWorkflowService caseWorkflow;
    @Autowired
    PersonService people;
    @Autowired
    SystemAccess system;

    private AttachmentInfo attachPdf(String username, String kind, long id) {
        return system.runAsAccount(username, () -> attachments.attach(kind, id, "decision.pdf",
                new ByteArrayInputStream(AttachmentServiceIT.PDF)));
    }

    @Test
    void sessionAttachmentsFollowTheSession() {
        SessionDto s = system.runAsAccount("lawyer.crpk", () -> {
            var p = people.register(PersonForm.of("Attach", "Session", Sex.FEMALE, LocalDate.of(1970, 1, 1),
                    BirthDatePrecision.YEAR, Community.ROMA, "PRI"), List.of());
            CaseDetails c = caseWorkflow.open(new NewCase(p.id(), CaseType.STATELESSNESS, CasePriority.NORMAL, null, null, null, null));
            // Now, not half an hour ago: just after midnight that would be the day before the case was opened.
            return sessions.log(c.id(), new SessionForm(LocalDateTime.now(), 30, SessionMode.OFFICE,
                    LegalAidType.COUNSELLING, Set.of(SessionTopic.CIVIL_DOCUMENTATION), Set.of(), false, null, null, null, null, null, null));
        });
        AttachmentInfo pdf = attachPdf("lawyer.crpk", "SESSION", s.id());
        assertThat(system.runAsAccount("coordinator.crpk", () -> attachments.list("SESSION", s.id()))).extracting(AttachmentInfo::id)
                .containsExactly(pdf.id());
        assertThat(system.runAsAccount("manager", () -> attachments.download(pdf.id())).content()).isEqualTo(AttachmentServiceIT.PDF);
        assertThatThrownBy(() -> system.runAsAccount("lawyer.at", () -> attachments.list("SESSION", s.id())))
                .isInstanceOf(AttachmentNotFoundException.class);
        assertThatThrownBy(() -> system.runAsAccount("lawyer.at", () -> attachments.download(pdf.id())))
                .isInstanceOf(AttachmentNotFoundException.class);
        // Another partner may not attach to it either.
        assertThat(system.runAsAccount("monitor.krct", () -> attachments.canAttach("SESSION", s.id()))).isFalse();
        assertThatThrownBy(() -> attachPdf("coordinator.krct", "SESSION", s.id())).isInstanceOf(RuntimeException.class);
    }

    @Test
    void visitAttachmentsFollowTheVisit() {
        VisitDetails v = system.runAsAccount("monitor.krct", () -> visits.record(new VisitForm(LocalDate.now(), Set.of(),
                LocationType.RETURNEE_COMMUNITY, "MIS", null, "Roma Mahalla", VisitPurpose.RETURN_MONITORING, OthersMet.NONE,
                Set.of(ProtectionConcern.HOUSING_PROPERTY), "Roofs leaking", null, false, null, null, null, null, List.of())));
        AttachmentInfo photo = attachPdf("monitor.krct", "VISIT", v.id());
        assertThat(system.runAsAccount("coordinator.krct", () -> attachments.list("VISIT", v.id()))).hasSize(1);
        assertThat(system.runAsAccount("lawyer.krct", () -> attachments.canAttach("VISIT", v.id()))).isFalse();
        assertThatThrownBy(() -> system.runAsAccount("monitor.at", () -> attachments.download(photo.id())))
                .isInstanceOf(AttachmentNotFoundException.class);
        assertThatThrownBy(() -> system.runAsAdmin(() -> attachments.list("VISIT", v.id()))).isInstanceOf(AccessDeniedException.class);
    }
}
