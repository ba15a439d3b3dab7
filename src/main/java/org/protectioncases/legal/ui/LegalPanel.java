package org.protectioncases.legal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.legal.CaseEventDto;
import org.protectioncases.legal.CaseEventService;
import org.protectioncases.legal.CasePartyService;
import org.protectioncases.legal.ConflictDto;
import org.protectioncases.legal.ConflictService;
import org.protectioncases.legal.DecisionRecorded;
import org.protectioncases.legal.DecisionType;
import org.protectioncases.legal.DeadlineProposal;
import org.protectioncases.legal.EventForms;
import org.protectioncases.legal.PartyAdded;
import org.protectioncases.legal.PartyDto;
import org.protectioncases.legal.PartyForm;
import org.protectioncases.legal.PartyRole;
import org.protectioncases.legal.TimeEntryDto;
import org.protectioncases.legal.TimeEntryService;
import org.protectioncases.legal.WorkKind;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;

/** The content of the case page's "Legal" tab. */
class LegalPanel extends Div {

    private static final DateTimeFormatter TIME = Formats.TIME;

    private final CaseSummary c;
    private final CasePartyService parties;
    private final ConflictService conflicts;
    private final CaseEventService events;
    private final boolean mayClear;
    private final Div conflictBox = new Div();
    private final Grid<PartyDto> partyGrid = new Grid<>();
    private final Grid<CaseEventDto> eventGrid = new Grid<>();
    private final boolean mayChange;
    private final TimeEntryService time;
    private final Grid<TimeEntryDto> timeGrid = new Grid<>();
    private final Paragraph timeTotals = new Paragraph();

    LegalPanel(CaseSummary c, CasePartyService parties, ConflictService conflicts, CaseEventService events, TimeEntryService time,
               boolean mayClear) {
        this.time = time;
        this.c = c;
        this.parties = parties;
        this.conflicts = conflicts;
        this.events = events;
        this.mayClear = mayClear;
        this.mayChange = parties.canChange(c.id()) && c.status() != CaseStatus.CLOSED;
        addClassName("legal-panel");
        setId("legal-panel");
        conflictBox.setId("legal-conflicts");
        add(conflictBox);
        add(new H3(getTranslation("legal.parties")));
        partyGrid.setId("legal-parties");
        partyGrid.addColumn(p -> getTranslation(p.role().messageKey())).setHeader(getTranslation("legal.party.role")).setAutoWidth(true);
        partyGrid.addColumn(PartyDto::name).setHeader(getTranslation("legal.party.name")).setFlexGrow(1);
        partyGrid.addColumn(p -> p.organisation() == null ? "" : p.organisation()).setHeader(getTranslation("legal.party.organisation"));
        partyGrid.setAllRowsVisible(true);
        add(partyGrid);
        if (mayChange) {
            add(partyForm());
        }
        add(new H3(getTranslation("legal.events")));
        if (mayChange) {
            Button hearing = new Button(getTranslation("legal.hearing.add"), e -> hearingDialog().open());
            hearing.setId("legal-add-hearing");
            Button decision = new Button(getTranslation("legal.decision.add"), e -> decisionDialog().open());
            decision.setId("legal-add-decision");
            Button deadline = new Button(getTranslation("legal.deadline.add"), e -> deadlineDialog(null).open());
            deadline.setId("legal-add-deadline");
            add(new HorizontalLayout(hearing, decision, deadline));
        }
        eventGrid.setId("legal-events");
        eventGrid.addColumn(e -> Formats.date(e.date()) + (e.time() == null ? "" : " " + e.time().format(TIME)))
                .setHeader(getTranslation("legal.event.date")).setAutoWidth(true);
        eventGrid.addColumn(e -> getTranslation(e.kind().messageKey())).setHeader(getTranslation("legal.event.kind")).setAutoWidth(true);
        eventGrid.addColumn(e -> e.title() + (e.decisionType() == null ? "" : " (" + getTranslation(e.decisionType().messageKey()) + ")"))
                .setHeader(getTranslation("legal.event.title")).setFlexGrow(1);
        eventGrid.addColumn(e -> join(e.place(), e.room())).setHeader(getTranslation("legal.event.place"));
        eventGrid.addComponentColumn(this::eventState).setHeader(getTranslation("legal.event.state")).setAutoWidth(true);
        eventGrid.setAllRowsVisible(true);
        add(eventGrid);
        add(new H3(getTranslation("legal.time")));
        timeGrid.setId("legal-time");
        timeGrid.addColumn(t -> Formats.date(t.workedOn())).setHeader(getTranslation("legal.time.date")).setAutoWidth(true);
        timeGrid.addColumn(t -> getTranslation(t.kind().messageKey())).setHeader(getTranslation("legal.time.kind")).setAutoWidth(true);
        timeGrid.addColumn(TimeEntryDto::minutes).setHeader(getTranslation("legal.time.minutes")).setAutoWidth(true);
        timeGrid.addColumn(TimeEntryDto::lawyer).setHeader(getTranslation("legal.agenda.lawyer")).setAutoWidth(true);
        timeGrid.addColumn(t -> t.note() == null ? "" : t.note()).setHeader(getTranslation("legal.time.note")).setFlexGrow(1);
        timeGrid.setAllRowsVisible(true);
        timeTotals.setId("legal-time-totals");
        add(timeTotals, timeGrid);
        if (mayChange) {
            add(timeForm());
        }
        refresh();
    }

    private static String join(String... parts) {
        return String.join(", ", java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }

    private void refresh() {
        partyGrid.setItems(parties.forCase(c.id()));
        eventGrid.setItems(events.forCase(c.id()));
        showConflicts(conflicts.forCase(c.id()));
        timeGrid.setItems(time.forCase(c.id()));
        var totals = time.totals(c.id());
        timeTotals.setText(totals.isEmpty() ? getTranslation("legal.time.none") : getTranslation("legal.time.totals",
                String.join(", ", totals.entrySet().stream().map(e -> getTranslation(e.getKey().messageKey()) + " "
                        + getTranslation("legal.time.hours", e.getValue() / 60, e.getValue() % 60)).toList())));
    }

    private Component timeForm() {
        DatePicker on = DateFields.date(getTranslation("legal.time.date"));
        on.setId("time-date");
        com.vaadin.flow.component.textfield.IntegerField minutes = new com.vaadin.flow.component.textfield.IntegerField(
                getTranslation("legal.time.minutes"));
        minutes.setMin(1);
        minutes.setMax(TimeEntryDto.MINUTES_MAX);
        minutes.setId("time-minutes");
        Select<WorkKind> kind = new Select<>();
        kind.setLabel(getTranslation("legal.time.kind"));
        kind.setItems(WorkKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setId("time-kind");
        TextField note = new TextField(getTranslation("legal.time.note"));
        note.setMaxLength(TimeEntryDto.NOTE_MAX);
        Button add = new Button(getTranslation("legal.time.add"), e -> {
            try {
                time.add(c.id(), new TimeEntryDto.Form(on.getValue(), minutes.getValue(), kind.getValue(), note.getValue()));
                minutes.clear();
                note.clear();
                FormErrors.clear(Map.of("workedOn", on, "minutes", minutes, "kind", kind, "note", note));
                Notifications.success(getTranslation("common.saved"));
                refresh();
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("workedOn", on, "minutes", minutes, "kind", kind, "note", note), this);
            }
        });
        add.setId("time-add");
        return new FormLayout(on, minutes, kind, note, add);
    }

    private void showConflicts(List<ConflictDto> all) {
        conflictBox.removeAll();
        List<ConflictDto> open = all.stream().filter(ConflictDto::open).toList();
        if (!open.isEmpty()) {
            Paragraph warning = new Paragraph(getTranslation("legal.conflict.openWarning"));
            warning.addClassName("conflict-warning");
            warning.getElement().setAttribute("role", "alert");
            conflictBox.add(warning);
        }
        for (ConflictDto k : all) {
            Div row = new Div();
            row.addClassName("conflict");
            Span badge = new Span(getTranslation(k.open() ? "legal.conflict.open" : "legal.conflict.cleared"));
            badge.getElement().getThemeList().add(k.open() ? "badge error" : "badge success");
            row.add(badge, new Span(" " + getTranslation("legal.conflict.match", k.checkedName(), k.matchedName(),
                    getTranslation(k.matchedAs().messageKey()), k.matchedCaseNo(), Math.round(k.score() * 100))));
            if (!k.open()) {
                row.add(new Paragraph(getTranslation("legal.conflict.clearedBy", org.protectioncases.shared.ui.Staff.name(k.clearedBy()), Formats.dateTime(k.clearedAt()),
                        k.clearReason())));
            } else if (mayClear && c.status() != CaseStatus.CLOSED) {
                TextArea reason = new TextArea(getTranslation("legal.conflict.reason"));
                reason.setMaxLength(ConflictService.REASON_MAX);
                reason.setWidthFull();
                reason.addClassName("conflict-reason");
                Button clear = new Button(getTranslation("legal.conflict.clear"), e -> {
                    try {
                        conflicts.clear(k.id(), k.version(), reason.getValue());
                        Notifications.success(getTranslation("legal.conflict.clearedNote"));
                        refresh();
                    } catch (FieldValidationException ex) {
                        FormErrors.show(ex, Map.of("reason", reason), this);
                    } catch (org.springframework.dao.OptimisticLockingFailureException ex) {
                        Notifications.error(getTranslation("legal.changedMeanwhile"));
                        refresh();
                    }
                });
                clear.addClassName("conflict-clear");
                clear.addThemeVariants(ButtonVariant.PRIMARY);
                row.add(reason, clear);
            } else if (c.status() != CaseStatus.CLOSED) {
                row.add(new Paragraph(getTranslation("legal.conflict.askCoordinator")));
            }
            conflictBox.add(row);
        }
        if (!all.isEmpty()) {
            conflictBox.add(new Paragraph(getTranslation("legal.conflict.scope")));
        }
    }

    private Component partyForm() {
        Select<PartyRole> role = new Select<>();
        role.setLabel(getTranslation("legal.party.role"));
        role.setItems(PartyRole.values());
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        role.setId("party-role");
        TextField name = new TextField(getTranslation("legal.party.name"));
        name.setMaxLength(PartyForm.NAME_MAX);
        name.setId("party-name");
        TextField organisation = new TextField(getTranslation("legal.party.organisation"));
        organisation.setMaxLength(PartyForm.NAME_MAX);
        organisation.setId("party-organisation");
        Button add = new Button(getTranslation("legal.party.add"), e -> {
            try {
                PartyAdded added = parties.add(c.id(), new PartyForm(role.getValue(), name.getValue(), organisation.getValue()));
                name.clear();
                organisation.clear();
                FormErrors.clear(Map.of("role", role, "name", name, "organisation", organisation));
                if (added.conflicts().isEmpty()) {
                    Notifications.success(getTranslation("legal.party.added"));
                } else {
                    Notifications.error(getTranslation("legal.conflict.found", added.conflicts().size()));
                }
                refresh();
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("role", role, "name", name, "organisation", organisation), this);
            }
        });
        add.setId("party-add");
        FormLayout form = new FormLayout(role, name, organisation, add);
        form.addClassName("party-form");
        return form;
    }

    private Component eventState(CaseEventDto e) {
        if (e.open()) {
            if (!mayChange) {
                return new Span(getTranslation("legal.event.open"));
            }
            Button done = new Button(getTranslation(e.kind() == org.protectioncases.legal.EventKind.HEARING
                    ? "legal.event.markHeld" : "legal.event.markMet"), ev -> {
                try {
                    events.markDone(e.id(), e.version());
                } catch (org.springframework.dao.OptimisticLockingFailureException ex) {
                    Notifications.error(getTranslation("legal.changedMeanwhile"));
                }
                refresh();
            });
            done.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            return done;
        }
        return new Span(e.doneOn() == null ? "" : getTranslation("legal.event.doneOn", Formats.date(e.doneOn())));
    }

    private Dialog hearingDialog() {
        Dialog d = new Dialog(getTranslation("legal.hearing.add"));
        DatePicker date = DateFields.date(getTranslation("legal.event.date"));
        date.setId("hearing-date");
        TimePicker time = DateFields.time(getTranslation("legal.hearing.time"));
        time.setId("hearing-time");
        TextField place = new TextField(getTranslation("legal.hearing.place"));
        place.setMaxLength(EventForms.PLACE_MAX);
        place.setId("hearing-place");
        TextField room = new TextField(getTranslation("legal.hearing.room"));
        room.setMaxLength(EventForms.ROOM_MAX);
        room.setId("hearing-room");
        TextField title = new TextField(getTranslation("legal.event.title"));
        title.setMaxLength(EventForms.TITLE_MAX);
        d.add(new FormLayout(date, time, place, room, title));
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                events.addHearing(c.id(), new EventForms.Hearing(date.getValue(), time.getValue(), place.getValue(), room.getValue(),
                        title.getValue()));
                Notifications.success(getTranslation("common.saved"));
                d.close();
                refresh();
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("date", date, "time", time, "place", place, "room", room, "title", title), d);
            }
        });
        save.setId("hearing-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        d.getFooter().add(new Button(getTranslation("common.cancel"), e -> d.close()), save);
        return d;
    }

    private Dialog decisionDialog() {
        Dialog d = new Dialog(getTranslation("legal.decision.add"));
        Select<DecisionType> type = new Select<>();
        type.setLabel(getTranslation("legal.decision.type"));
        type.setItems(DecisionType.values());
        type.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        type.setId("decision-type");
        DatePicker servedOn = DateFields.date(getTranslation("legal.decision.servedOn"));
        servedOn.setId("decision-served-on");
        TextField title = new TextField(getTranslation("legal.event.title"));
        title.setMaxLength(EventForms.TITLE_MAX);
        d.add(new FormLayout(type, servedOn, title));
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                DecisionRecorded recorded = events.recordDecisionServed(c.id(), new EventForms.Decision(type.getValue(), servedOn.getValue(),
                        title.getValue()));
                d.close();
                refresh();
                if (recorded.proposals().isEmpty()) {
                    Notifications.success(getTranslation("legal.decision.noRule"));
                } else {
                    deadlineDialog(recorded.proposals().getFirst()).open();
                }
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("decisionType", type, "servedOn", servedOn, "title", title), d);
            }
        });
        save.setId("decision-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        d.getFooter().add(new Button(getTranslation("common.cancel"), e -> d.close()), save);
        return d;
    }

    /** A new deadline; given a proposal, its date is filled in and the rule is explained, for the lawyer to confirm. */
    private Dialog deadlineDialog(@Nullable DeadlineProposal proposal) {
        Dialog d = new Dialog(getTranslation(proposal == null ? "legal.deadline.add" : "legal.deadline.confirm"));
        d.setId("deadline-dialog");
        DatePicker date = DateFields.date(getTranslation("legal.deadline.date"));
        date.setId("deadline-date");
        TextField title = new TextField(getTranslation("legal.event.title"));
        title.setMaxLength(EventForms.TITLE_MAX);
        title.setId("deadline-title");
        if (proposal != null) {
            date.setValue(proposal.dueOn());
            title.setValue(proposal.ruleName());
            d.add(new Paragraph(getTranslation("legal.deadline.proposed", Formats.date(proposal.servedOn()), proposal.days(),
                    getTranslation(proposal.dayCount().messageKey()), Formats.date(proposal.dueOn()))));
            if (proposal.beyondHolidays()) {
                d.add(new Paragraph(getTranslation("legal.deadline.beyondHolidays")));
            }
        }
        d.add(new FormLayout(date, title));
        Button save = new Button(getTranslation(proposal == null ? "common.save" : "legal.deadline.confirmButton"), e -> {
            try {
                events.addDeadline(c.id(), new EventForms.Deadline(date.getValue(), title.getValue(),
                        proposal == null ? null : proposal.ruleId(), proposal == null ? null : proposal.decisionEventId()));
                Notifications.success(getTranslation("common.saved"));
                d.close();
                refresh();
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("date", date, "title", title), d);
            }
        });
        save.setId("deadline-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        d.getFooter().add(new Button(getTranslation("common.cancel"), e -> d.close()), save);
        return d;
    }
}
