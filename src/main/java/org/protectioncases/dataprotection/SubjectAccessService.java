package org.protectioncases.dataprotection;

import jakarta.validation.constraints.Size;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AccessLogEntry;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseFilter;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.SessionDto;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.StaffNames;
import org.protectioncases.shared.i18n.AppI18NProvider;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.validation.SingleLine;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subject access (issue #16): a coordinator of the partner that registered the person produces the
 * person's complete record — profile, groups over time, documents, returns, needs, consents, cases
 * with timeline, referrals, transfers and sessions, and who opened the record — as JSON and as a PDF
 * in the person's language. Collected through the modules' own services, as the coordinator, so
 * every scope and restriction those apply holds here too. Left out (and said so on the document):
 * other people's data and partner-internal confidential notes. Every export is audited and logged.
 */
@Service
public class SubjectAccessService {

    /** The most cases one export lists (a person with more is unheard of; the document says when it is cut). */
    public static final int MAX_CASES = 200;
    public static final String ACCESS_TYPE = "subject_access";

    private final PersonService people;
    private final PersonFileService files;
    private final ConsentService consents;
    private final CaseService cases;
    private final CounsellingService sessions;
    private final CurrentUser currentUser;
    private final StaffNames staff;
    private final AuditService audit;
    private final AppI18NProvider i18n;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Clock clock;

    SubjectAccessService(PersonService people, PersonFileService files, ConsentService consents, CaseService cases,
                         CounsellingService sessions, CurrentUser currentUser, AuditService audit, AppI18NProvider i18n,
                         StaffNames staff, Clock clock) {
        this.clock = clock;
        this.staff = staff;
        this.people = people;
        this.files = files;
        this.consents = consents;
        this.cases = cases;
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.audit = audit;
        this.i18n = i18n;
    }

    /** The record of the person with this registration number, if the coordinator's partner registered them. */
    @Allowed(Permission.EXPORT_SUBJECT_DATA)
    @Transactional
    public SubjectAccessRecord collect(@Size(max = 20) @SingleLine String registrationNo, Language language) {
        AppUser user = currentUser.require();
        @Nullable Long personId = people.findVisibleByRegistrationNo(registrationNo.strip()).orElse(null);
        PersonDetails person = personId == null ? null : people.get(personId).orElse(null);
        // Only the registering partner answers; another partner's (shared) person is "not found".
        if (person == null || user.partnerId() == null || person.registeredByPartnerId() != user.partnerId() || person.anonymised()) {
            throw new FieldValidationException("registrationNo", "dataprotection.validation.person");
        }
        List<SubjectAccessRecord.CaseRecord> caseRecords = new ArrayList<>();
        for (CaseSummary summary : cases.list(new CaseFilter(false, null, null, null, false, person.id()), PageRequest.of(0, MAX_CASES))) {
            CaseDetails details = cases.get(summary.id()).orElse(null);
            if (details == null) {
                continue;
            }
            List<SubjectAccessRecord.SessionRecord> sessionRecords = sessions.forCase(summary.id()).stream()
                    .map(this::session).toList();
            caseRecords.add(new SubjectAccessRecord.CaseRecord(summary, details.fields().summary(), details.fields().authority(),
                    details.timeline(), details.referrals(), details.transfers(), sessionRecords));
        }
        // Staff by name, as the person would know them, not by username.
        return new SubjectAccessRecord(Instant.now(clock), staff.name(user.getUsername()), language.code(),
                i18n.getTranslation(SubjectAccessRecord.RULE_KEY, language.locale()), person, files.file(person.id()),
                consents.consents(person.id()), caseRecords, people.accessLog(person.id()).stream()
                        .map(a -> new AccessLogEntry(a.at(), staff.name(a.username()), a.granted())).toList());
    }

    private SubjectAccessRecord.SessionRecord session(SessionDto s) {
        var f = s.form();
        return new SubjectAccessRecord.SessionRecord(f.heldAt(), f.durationMinutes(), f.mode(), f.aidType(),
                f.topics().stream().sorted().toList(), staff.name(s.counsellor()), f.summary(), f.outcome(), f.nextSteps(), f.followUpOn());
    }

    /** The record as JSON (UTF-8); audited and logged as an export. */
    @Allowed(Permission.EXPORT_SUBJECT_DATA)
    @Transactional
    public void writeJson(@Size(max = 20) @SingleLine String registrationNo, Language language, OutputStream out) {
        SubjectAccessRecord record = collect(registrationNo, language);
        json.writeValue(out, record);
        logged(record, "JSON");
    }

    /** The record as a PDF in the language; audited and logged as an export. */
    @Allowed(Permission.EXPORT_SUBJECT_DATA)
    @Transactional
    public void writePdf(@Size(max = 20) @SingleLine String registrationNo, Language language, OutputStream out) {
        SubjectAccessRecord record = collect(registrationNo, language);
        Locale locale = language.locale();
        new SubjectAccessPdf(record, locale, (key, params) -> i18n.getTranslation(key, locale, params)).write(out);
        logged(record, "PDF");
    }

    private void logged(SubjectAccessRecord record, String format) {
        AppUser user = currentUser.require();
        audit.recordMessage("SUBJECT_ACCESS_EXPORTED", "person", record.person().id(), new AuditMessage("history.dataprotection.subjectAccess",
                List.of(format, AuditMessage.text(Language.fromCode(record.language()).map(Language::nativeName).orElse(record.language())), String.valueOf(record.cases().size())),
                format + ", language " + record.language() + ", " + record.cases().size() + " cases"));
        audit.recordExport(ACCESS_TYPE, format + " person " + record.person().id(), 1);
        audit.recordAccess("person", record.person().id(), user.partnerId(), true);
    }
}
