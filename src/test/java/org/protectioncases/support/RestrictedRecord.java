package org.protectioncases.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionDto;
import org.protectioncases.counselling.SessionForm;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.people.SpecificNeed;
import org.protectioncases.security.SystemAccess;

/**
 * A CRPK record holding every kind of restricted data: an SGBV need (next to a disability, which
 * is not restricted), a confidential case note, and a session on SGBV (and civil documentation)
 * whose confidential note was written and then changed together with another field. The texts carry a unique marker to search for.
 */
public record RestrictedRecord(long personId, String registrationNo, long caseId, String caseNo, long sessionId,
                               String needNote, String caseNote, String sessionNote) {

    /** Everything a reader outside CRPK must never see, not even as a hint. */
    public List<String> secrets() {
        return List.of(needNote, caseNote, sessionNote);
    }

    public static RestrictedRecord create(SystemAccess system, PersonService people, PersonFileService personFiles,
                                          CaseWorkflowService caseWorkflow, CounsellingService sessions) {
        String marker = "Qzx" + UUID.randomUUID().toString().substring(0, 8);
        String needNote = marker + " disclosed assault";
        String caseNote = marker + " perpetrator lives nearby";
        String sessionNote = marker + " afraid to testify";
        return system.runAsAccount("lawyer.crpk", () -> {
            PersonDetails p = people.register(PersonForm.of("Drita", "Record" + marker.substring(3), Sex.FEMALE,
                    LocalDate.of(1990, 4, 4), BirthDatePrecision.EXACT, Community.ROMA, "PRI"), List.of());
            personFiles.addNeed(p.id(), SpecificNeed.DISABILITY, LocalDate.now().minusDays(3), null);
            personFiles.addNeed(p.id(), SpecificNeed.SGBV_SURVIVOR, LocalDate.now().minusDays(2), needNote);
            CaseDetails c = caseWorkflow.open(new NewCase(p.id(), CaseType.GENERAL_PROTECTION, CasePriority.HIGH, "Protection assessment",
                    null, null, LocalDate.now().minusDays(10)));
            c = caseWorkflow.updateConfidentialNote(c.id(), c.version(), caseNote);
            SessionForm form = new SessionForm(LocalDateTime.now().minusDays(1).withNano(0), 45, SessionMode.OFFICE, LegalAidType.ASSISTANCE,
                    EnumSet.of(SessionTopic.CIVIL_DOCUMENTATION, SessionTopic.SGBV), Set.of(), false, null, "Explained the procedure", null, null, null,
                    "first draft of the note");
            SessionDto s = sessions.log(c.id(), form);
            SessionForm changed = new SessionForm(form.heldAt(), 60, form.mode(), form.aidType(), form.topics(), form.attendeeIds(),
                    false, null, form.summary(), null, null, null, sessionNote);
            sessions.update(s.id(), s.version(), changed);
            return new RestrictedRecord(p.id(), p.registrationNo(), c.id(), c.summary().caseNo(), s.id(), needNote, caseNote, sessionNote);
        });
    }
}
