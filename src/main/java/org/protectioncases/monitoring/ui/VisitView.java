package org.protectioncases.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.attachments.AttachmentService;
import org.protectioncases.attachments.ui.AttachmentsPanel;
import org.protectioncases.audit.ui.RecordHistory;
import org.protectioncases.cases.ReferralDto;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.cases.ui.shared.ReferralAnswerDialog;
import org.protectioncases.monitoring.AgeGroup;
import org.protectioncases.monitoring.VisitDetails;
import org.protectioncases.monitoring.VisitForm;
import org.protectioncases.monitoring.VisitPerson;
import org.protectioncases.monitoring.VisitReferralService;
import org.protectioncases.monitoring.VisitService;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ui.shared.ConsentCapture;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.security.Access;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.PersonLabels;
import org.protectioncases.shared.ui.RecordPage;
import org.protectioncases.shared.ui.Staff;

/**
 * The visit page: everything recorded, the people met (with links to open a case for them),
 * referrals made and the form to add one, the follow-up, history and (for managers and
 * coordinators) who opened it. Opening it is logged; another partner's visit is "not found".
 */
@Route("visits/:id")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
public class VisitView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter DATE = VisitsView.DATE;
    private static final DateTimeFormatter TIME = Formats.MOMENT;

    private final VisitService visits;
    private final VisitReferralService visitReferrals;
    private final Clock clock;
    private final ReferenceDataService reference;
    private final CurrentUser currentUser;
    private final Access access;
    private final AttachmentService attachments;
    private @Nullable VisitDetails current;

    public VisitView(VisitService visits, VisitReferralService visitReferrals, ReferenceDataService reference, CurrentUser currentUser,
                     Access access, AttachmentService attachments, Clock clock) {
        this.attachments = attachments;
        this.visitReferrals = visitReferrals;
        this.clock = clock;
        this.visits = visits;
        this.reference = reference;
        this.currentUser = currentUser;
        this.access = access;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        current = event.getRouteParameters().getLong("id").flatMap(visits::get).orElse(null);
        if (current == null) {
            RecordPage.notFound(this, "visit");
            return;
        }
        render(current);
    }

    /** Re-reads the visit after a change, staying on the tab the user is on. */
    private void reload(long id, int tab) {
        current = visits.get(id).orElse(null);
        if (current != null) {
            render(current);
            if (tabs != null) {
                tabs.setSelectedIndex(tab);
            }
        }
    }

    private @Nullable TabSheet tabs;

    private void render(VisitDetails v) {
        removeAll();
        VisitForm f = v.form();
        H2 title = new H2(getTranslation(f.locationType() == null ? "visit.place" : f.locationType().messageKey()) + " · " + v.placeLabel());
        Span date = new Span(f.visitDate() == null ? "" : f.visitDate().format(DATE));
        date.getElement().getThemeList().add("badge");
        date.addClassName("visit-date");
        Div head = new Div(title, date);
        head.addClassName("case-head");
        add(head);

        FlexLayout actions = new FlexLayout();
        actions.addClassName("filters");
        if (v.editable()) {
            actions.add(new Button(getTranslation("visit.edit"), e -> getUI().ifPresent(ui -> ui.navigate("visits/" + v.id() + "/edit"))));
            if (f.followUpRequired() && v.followUpDoneAt() == null) {
                Button done = new Button(getTranslation("visit.markFollowUpDone"), e -> {
                    visits.markFollowUpDone(v.id());
                    Notifications.success(getTranslation("visit.followUpMarked"));
                    reload(v.id(), 0);
                });
                actions.add(done);
            }
        }
        if (actions.getComponentCount() > 0) {
            add(actions);
        }

        TabSheet tabs = new TabSheet();
        this.tabs = tabs;
        tabs.add(getTranslation("visit.tab.details"), details(v));
        tabs.add(getTranslation("visit.tab.referrals"), referrals(v));
        tabs.add(getTranslation("attachment.title"), new AttachmentsPanel(attachments, "VISIT", v.id()));
        RecordHistory.addTabs(tabs, "visit", visits.history(v.id()), access.may(Permission.READ_ACCESS_LOG) ? () -> visits.accessLog(v.id()) : null);
        tabs.setWidthFull();
        add(tabs);
    }

    private Component details(VisitDetails v) {
        VisitForm f = v.form();
        Map<String, String> municipalities = reference.municipalities(getLocale()).stream()
                .collect(Collectors.toMap(ReferenceItem::code, ReferenceItem::name));
        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, "visit.date", f.visitDate() == null ? null : f.visitDate().format(DATE));
        fact(facts, "visit.monitors", String.join(", ", v.monitorNames()));
        fact(facts, "visit.locationType", f.locationType() == null ? null : getTranslation(f.locationType().messageKey()));
        fact(facts, "visit.municipality", f.municipalityCode() == null ? null : municipalities.getOrDefault(f.municipalityCode(), f.municipalityCode()));
        fact(facts, v.shelterName() != null ? "visit.shelter" : "visit.place", v.placeLabel());
        fact(facts, "visit.purpose", f.purpose() == null ? null : getTranslation(f.purpose().messageKey()));
        if (f.locationType() != null && f.locationType().entryPoint()) {
            fact(facts, "visit.personsObserved", String.valueOf(f.personsObserved()));
            fact(facts, "visit.newArrivals", String.valueOf(f.newArrivals()));
            fact(facts, "visit.asylumIntentions", String.valueOf(f.asylumIntentions()));
        }
        fact(facts, "visit.concerns", f.concerns().stream().map(c -> getTranslation(c.messageKey())).collect(Collectors.joining(", ")));
        fact(facts, "visit.findings", f.findings());
        fact(facts, "visit.needsIdentified", f.needsIdentified());
        fact(facts, "visit.followUpOn", !f.followUpRequired() || f.followUpOn() == null ? null : f.followUpOn().format(DATE)
                + (v.followUpDoneAt() != null ? " · " + getTranslation("visit.followUpDoneOn", TIME.format(v.followUpDoneAt()), Staff.name(v.followUpDoneBy()))
                : f.followUpOn().isBefore(LocalDate.now(clock)) ? " · " + getTranslation("case.overdue") : ""));
        fact(facts, "visit.createdBy", Staff.name(v.createdBy()) + " · " + TIME.format(v.createdAt()) + (v.partnerCode().isEmpty() ? "" : " · " + v.partnerCode()));
        return new Div(facts, new H3(getTranslation("visit.othersMet")), othersMet(f), new H3(getTranslation("visit.people")), people(v));
    }

    private Component othersMet(VisitForm f) {
        Div table = new Div();
        table.addClassName("visit-counts");
        table.getStyle().set("display", "grid").set("grid-template-columns", "8em repeat(6, 4.5em)").set("gap", "0.25em 0.5em");
        table.add(new Span());
        for (AgeGroup g : AgeGroup.values()) {
            table.add(new Span(getTranslation(g.messageKey())));
        }
        table.add(new Span(getTranslation("visit.total")));
        for (boolean female : new boolean[] {true, false}) {
            table.add(new Span(getTranslation(female ? "visit.female" : "visit.male")));
            int sum = 0;
            for (AgeGroup g : AgeGroup.values()) {
                int n = f.othersMet().count(female, g);
                sum += n;
                table.add(new Span(String.valueOf(n)));
            }
            table.add(new Span(String.valueOf(sum)));
        }
        return table;
    }

    /** The people met, each with a link to their page and, for caseworkers, to open a case for them. */
    private Component people(VisitDetails v) {
        if (v.people().isEmpty()) {
            return new Paragraph(getTranslation("visit.people.none"));
        }
        boolean caseworker = access.may(Permission.WORK_ON_CASES)
                && Objects.equals(currentUser.require().partnerId(), v.owningPartner());
        UnorderedList list = new UnorderedList();
        list.addClassName("visit-people");
        for (VisitPerson p : v.people()) {
            ListItem item = new ListItem(new Anchor("people/" + p.personId(), PersonLabels.shown(p.label())));
            if (caseworker) {
                Anchor open = new Anchor("cases/new?person=" + p.personId(), getTranslation("visit.openCase"));
                open.addClassName("button-link");
                open.setAriaLabel(getTranslation("visit.openCase") + " " + p.label());
                item.add(new Span(" "), open);
            }
            list.add(item);
        }
        return list;
    }

    private void fact(Div list, String key, @Nullable String value) {
        Div row = new Div(new Span(getTranslation(key)), new Span(value == null || value.isBlank() ? "–" : value));
        row.addClassName("fact");
        list.add(row);
    }

    private Component referrals(VisitDetails v) {
        Map<Long, String> labels = v.people().stream().collect(Collectors.toMap(VisitPerson::personId, VisitPerson::label));
        Grid<ReferralDto> grid = new Grid<>();
        grid.addColumn(r -> labels.getOrDefault(r.personId(), "#" + r.personId())).setHeader(getTranslation("visit.referral.person")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.target().messageKey())).setHeader(getTranslation("referral.target")).setAutoWidth(true);
        grid.addColumn(r -> r.referredOn().format(DATE)).setHeader(getTranslation("referral.date")).setAutoWidth(true);
        grid.addColumn(ReferralDto::reason).setHeader(getTranslation("referral.reason")).setFlexGrow(1);
        grid.addColumn(r -> getTranslation(r.status().messageKey())).setHeader(getTranslation("referral.status")).setAutoWidth(true);
        grid.addColumn(r -> r.responseOn() == null ? "" : r.responseOn().format(DATE)).setHeader(getTranslation("referral.responseOn")).setAutoWidth(true);
        if (v.editable()) {
            grid.addComponentColumn(r -> {
                Button answer = new Button(getTranslation("referral.recordAnswer"), e -> new ReferralAnswerDialog(r, LocalDate.now(clock),
                        (status, on) -> visitReferrals.respondToReferral(v.id(), r.id(), r.version(), status, on), () -> reload(v.id(), 1)).open());
                answer.addThemeVariants(ButtonVariant.TERTIARY);
                return answer;
            }).setAutoWidth(true);
        }
        grid.setItems(visitReferrals.referrals(v.id()));
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("visit.tab.referrals"));
        Div tab = new Div(grid);
        if (v.editable() && !v.people().isEmpty()) {
            tab.add(referralForm(v));
        }
        return tab;
    }

    private Component referralForm(VisitDetails v) {
        Select<VisitPerson> person = new Select<>();
        person.setLabel(getTranslation("visit.referral.person"));
        person.setItems(v.people());
        person.setItemLabelGenerator(VisitPerson::label);
        if (v.people().size() == 1) {
            person.setValue(v.people().get(0));
        }
        ComboBox<ReferralTarget> target = new ComboBox<>(getTranslation("referral.target"));
        target.setItems(ReferralTarget.values());
        target.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        target.setRequiredIndicatorVisible(true);
        DatePicker date = DateFields.date(getTranslation("referral.date"), LocalDate.now(clock));
        date.setMax(LocalDate.now(clock));
        date.setMin(v.form().visitDate());
        TextField reason = new TextField(getTranslation("referral.reason"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(ReferralService.REFERRAL_REASON_MAX);
        Span consent = new Span();
        consent.addClassName("field-error");
        Button refer = new Button(getTranslation("referral.send"), e -> {
            consent.setText("");
            try {
                visitReferrals.refer(v.id(), person.getValue() == null ? null : person.getValue().personId(), target.getValue(),
                        date.getValue(), reason.getValue());
                Notifications.success(getTranslation("referral.sent"));
                reload(v.id(), 1);
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("personId", person, "target", target, "referredOn", date, "reason", reason), this);
                String key = ex.fieldErrors().get("consent");
                if (key != null && person.getValue() != null) {
                    consent.setText(getTranslation(key));
                    // Record the missing consent here, then refer again with what was typed.
                    ConsentCapture.offer(person.getValue().personId(),
                            ConsentScope.REFERRAL, () -> e.getSource().click());
                }
            }
        });
        refer.addThemeVariants(ButtonVariant.PRIMARY);
        FlexLayout form = new FlexLayout(person, target, date, reason, refer);
        form.addClassName("filters");
        return new Div(new H3(getTranslation("visit.referral.add")), form, consent);
    }

    @Override
    public String getPageTitle() {
        return (current == null ? getTranslation("nav.visits") : current.placeLabel()) + " | " + getTranslation("app.name");
    }
}
