package org.protectioncases.people;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.validation.MultiLine;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.RuleKeys;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's file beyond the profile: population-group memberships, returns, civil documents,
 * birth registration and specific needs. Changed by staff of a partner that may see the person;
 * restricted needs (SGBV, torture) are shown only to them, never to UNHCR managers.
 */
@Service
public class PersonFileService {

    // Column size (db-changelog/people); the form uses the same constant.
    public static final int NEED_NOTE_MAX = 500;

    private final GroupMembershipRepository groups;
    private final PersonRecordsRepository records;
    private final PersonAccess access;
    private final CurrentUser currentUser;
    private final AuditService audit;

    private final Clock clock;

    PersonFileService(GroupMembershipRepository groups, PersonRecordsRepository records, PersonAccess access, CurrentUser currentUser,
                      AuditService audit, Clock clock) {
        this.clock = clock;
        this.groups = groups;
        this.records = records;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** Adds a population-group membership (e.g. IDP since a date, displaced within Kosovo). */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public GroupMembershipDto addGroup(long personId, PopulationGroup group, @Nullable LocalDate start, @Nullable LocalDate end,
                                       @Nullable DisplacementPlace place) {
        access.editable(personId);
        groupRules(group, start, end, place, LocalDate.now(clock));
        PersonGroupMembership saved = groups.saveAndFlush(new PersonGroupMembership(personId, group, start, end,
                group == PopulationGroup.IDP || group == PopulationGroup.RETURNEE ? place : null));
        String english = group + " from " + start + (end == null ? "" : " to " + end);
        List<String> args = new ArrayList<>(List.of(AuditMessage.keys(List.of(group.messageKey())),
                start == null ? "–" : Formats.date(start)));
        if (end != null) {
            args.add(Formats.date(end));
        }
        audit.recordMessage("PERSON_GROUP_ADDED", "person", personId, new AuditMessage(end == null ? "history.person.group" : "history.person.groupEnded",
                args, english));
        return saved.toDto();
    }

    /**
     * Checks a group membership by the rules of {@link #addGroup}, saving nothing (the bulk
     * import's dry run, before the person exists).
     */
    @Allowed(Permission.EDIT_PEOPLE)
    public void checkGroup(PopulationGroup group, @Nullable LocalDate start, @Nullable LocalDate end, @Nullable DisplacementPlace place) {
        groupRules(group, start, end, place, LocalDate.now(clock));
    }

    /** The rules of a group membership on {@code today} (not starting in the future); the bulk import uses them too. */
    static void groupRules(PopulationGroup group, @Nullable LocalDate start, @Nullable LocalDate end, @Nullable DisplacementPlace place,
                           LocalDate today) {
        new FieldErrors()
                .rejectIf(start == null, "startDate", "validation.required")
                .rejectIf(start != null && start.isAfter(today), "startDate", "validation.notInFuture")
                .rejectIf(start != null && end != null && end.isBefore(start), "endDate", "validation.endBeforeStart")
                .rejectIf(group == PopulationGroup.IDP && place == null, "displacementPlace", "person.validation.displacementPlace")
                .throwIfAny();
    }

    /** Records a return of the person (date not in the future, to a Kosovo municipality). */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public PersonRecords.ReturnEvent addReturn(long personId,
                                               @Required @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate returnDate,
                                               @Required @Nullable DisplacementPlace returnedFrom,
                                               @Required @Size(max = TextRules.MUNICIPALITY_CODE) @SingleLine @Nullable String returnMunicipality,
                                               boolean assisted) {
        // The parameters are named as the form's fields, so their constraints' errors land there.
        access.editable(personId);
        LocalDate date = Objects.requireNonNull(returnDate);
        DisplacementPlace from = Objects.requireNonNull(returnedFrom);
        long id = records.addReturn(personId, date, from, returnMunicipality, assisted, currentUser.username());
        audit.recordMessage("RETURN_RECORDED", "person", personId, new AuditMessage(assisted ? "history.person.returnAssisted" : "history.person.return",
                List.of(AuditMessage.keys(List.of(from.messageKey())), returnMunicipality, Formats.date(date)),
                "from " + from + " to " + returnMunicipality + " on " + date + (assisted ? " (assisted)" : "")));
        return records.returns(personId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    /** Records a civil document the person holds (with its issue date) or lacks. */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public PersonRecords.CivilDocument addDocument(long personId, @Required @Nullable DocumentType documentType, boolean held,
                                                   @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate issuedOn) {
        access.editable(personId);
        DocumentType type = Objects.requireNonNull(documentType);
        new FieldErrors()
                .rejectIf(!held && issuedOn != null, "issuedOn", "person.validation.issuedButMissing")
                .throwIfAny();
        long id = records.addDocument(personId, type, held, issuedOn, currentUser.username());
        String document = AuditMessage.keys(List.of(type.messageKey()));
        audit.recordMessage("DOCUMENT_RECORDED", "person", personId, new AuditMessage(
                !held ? "history.person.documentMissing" : issuedOn == null ? "history.person.documentHeld" : "history.person.documentIssued",
                issuedOn == null ? List.of(document) : List.of(document, Formats.date(issuedOn)),
                type + (held ? " held" + (issuedOn == null ? "" : ", issued " + issuedOn) : " missing")));
        return records.documents(personId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    /** Whether the person's birth is registered. */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public void setBirthRegistered(long personId, BirthRegistration value) {
        access.editable(personId);
        BirthRegistration before = records.birthRegistered(personId);
        records.setBirthRegistered(personId, value);
        audit.recordMessage("PERSON_UPDATED", "person", personId, new AuditMessage(AuditMessage.CHANGES,
                List.of(AuditMessage.keys(List.of("person.birthRegistered")), AuditMessage.keys(List.of(before.messageKey())),
                        AuditMessage.keys(List.of(value.messageKey()))),
                "birthRegistered: " + before + " → " + value));
    }

    /** Notes a specific need. Restricted needs (SGBV, torture) never reach UNHCR managers. */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public PersonRecords.Need addNeed(long personId, @Required @Nullable SpecificNeed need,
                                     @Required @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate notedOn,
                                     @Size(max = NEED_NOTE_MAX) @MultiLine @Nullable String note) {
        access.editable(personId);
        long id = records.addNeed(personId, need, notedOn, note == null || note.isBlank() ? null : note.strip(), currentUser.username());
        if (need.restricted()) {
            // Shown only to those who may see the need; named only in the reader's language: the English
            // text goes to the audit log file, which operators read.
            audit.recordRestricted("NEED_RECORDED", "person", personId, new AuditMessage("history.person.need",
                    List.of(AuditMessage.keys(List.of(need.messageKey()))), "restricted need"));
        } else {
            audit.recordMessage("NEED_RECORDED", "person", personId, new AuditMessage("history.person.need",
                    List.of(AuditMessage.keys(List.of(need.messageKey()))), need.name()));
        }
        return records.needs(personId).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }

    /** Returns, documents, needs and birth registration as the user may see them. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public PersonFile file(long personId) {
        AppUser user = currentUser.require();
        Person person = access.visiblePerson(user, personId);
        boolean ownPartner = access.seesRestricted(user, person);
        List<PersonRecords.Need> needs = records.needs(personId).stream()
                .filter(n -> ownPartner || !n.need().restricted()).toList();
        return new PersonFile(records.birthRegistered(personId), records.returns(personId), records.documents(personId), needs);
    }
}
