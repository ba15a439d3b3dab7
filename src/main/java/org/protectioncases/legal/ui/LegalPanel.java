package org.protectioncases.legal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.legal.CaseEventDto;
import org.protectioncases.legal.CaseEventService;
import org.protectioncases.legal.CasePartyService;
import org.protectioncases.legal.ConflictService;
import org.protectioncases.legal.EventKind;
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
import org.springframework.dao.OptimisticLockingFailureException;

/** The content of the case page's "Legal" tab. */
class LegalPanel extends Div {

    private static final DateTimeFormatter TIME = Formats.TIME;

    private final CaseSummary c;
    private final CasePartyService parties;
    private final CaseEventService events;
    private final LegalConflicts conflictBox;
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
        this.events = events;
        this.conflictBox = new LegalConflicts(c, conflicts, mayClear, this::refresh);
        this.mayChange = parties.canChange(c.id()) && c.status() != CaseStatus.CLOSED;
        addClassName("legal-panel");
        setId("legal-panel");
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
            Button hearing = new Button(getTranslation("legal.hearing.add"), e -> new HearingDialog(c.id(), events, this::refresh).open());
            hearing.setId("legal-add-hearing");
            Button decision = new Button(getTranslation("legal.decision.add"), e -> new DecisionDialog(c.id(), events, this::refresh).open());
            decision.setId("legal-add-decision");
            Button deadline = new Button(getTranslation("legal.deadline.add"), e -> new DeadlineDialog(c.id(), events, this::refresh, null).open());
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
        return String.join(", ", Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }

    private void refresh() {
        partyGrid.setItems(parties.forCase(c.id()));
        eventGrid.setItems(events.forCase(c.id()));
        conflictBox.reload();
        timeGrid.setItems(time.forCase(c.id()));
        var totals = time.totals(c.id());
        timeTotals.setText(totals.isEmpty() ? getTranslation("legal.time.none") : getTranslation("legal.time.totals",
                String.join(", ", totals.entrySet().stream().map(e -> getTranslation(e.getKey().messageKey()) + " "
                        + getTranslation("legal.time.hours", e.getValue() / 60, e.getValue() % 60)).toList())));
    }

    private Component timeForm() {
        DatePicker on = DateFields.date(getTranslation("legal.time.date"));
        on.setId("time-date");
        IntegerField minutes = new IntegerField(getTranslation("legal.time.minutes"));
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
            Button done = new Button(getTranslation(e.kind() == EventKind.HEARING
                    ? "legal.event.markHeld" : "legal.event.markMet"), ev -> {
                try {
                    events.markDone(e.id(), e.version());
                } catch (OptimisticLockingFailureException ex) {
                    Notifications.error(getTranslation("legal.changedMeanwhile"));
                }
                refresh();
            });
            done.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            return done;
        }
        return new Span(e.doneOn() == null ? "" : getTranslation("legal.event.doneOn", Formats.date(e.doneOn())));
    }
}
