package org.protectioncases.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.monitoring.AgeGroup;
import org.protectioncases.monitoring.LocationType;
import org.protectioncases.monitoring.OthersMet;
import org.protectioncases.monitoring.ProtectionConcern;
import org.protectioncases.monitoring.VisitDetails;
import org.protectioncases.monitoring.VisitDraftService;
import org.protectioncases.monitoring.VisitDraftSummary;
import org.protectioncases.monitoring.VisitForm;
import org.protectioncases.monitoring.VisitFormReferral;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.monitoring.VisitPurpose;
import org.protectioncases.monitoring.VisitService;
import org.protectioncases.people.PersonFilter;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonSummary;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.validation.TextRules;
import org.protectioncases.shelters.ShelterOption;
import org.protectioncases.shelters.ShelterService;
import org.springframework.data.domain.PageRequest;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.i18n.Formats;

/**
 * Records a visit ({@code visits/new}) or changes one ({@code visits/ID/edit}). Fields follow the
 * location type: the shelter pick list at a collective shelter, the border counts at crossing
 * points and the airport. The service checks everything; its field errors appear next to the fields.
 */
@Route("visits/new")
@RouteAlias("visits/:id/edit")
@RolesAllowed({Roles.PARTNER_COORDINATOR, Roles.PROTECTION_MONITOR})
public class VisitFormView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter TIME = Formats.MOMENT;

    final DatePicker visitDate = DateFields.date();
    final MultiSelectComboBox<String> monitors = new MultiSelectComboBox<>();
    final Select<LocationType> locationType = new Select<>();
    final ComboBox<ReferenceItem> municipality = new ComboBox<>();
    final ComboBox<ShelterOption> shelter = new ComboBox<>();
    final TextField place = new TextField();
    final Select<VisitPurpose> purpose = new Select<>();
    final Map<String, IntegerField> counts = new LinkedHashMap<>();
    final Div countsBox = new Div();
    final Span countsTotal = new Span();
    final CheckboxGroup<ProtectionConcern> concerns = new CheckboxGroup<>();
    final TextArea findings = new TextArea();
    final TextArea needs = new TextArea();
    final Checkbox followUpRequired = new Checkbox();
    final DatePicker followUpOn = DateFields.date();
    final IntegerField personsObserved = new IntegerField();
    final IntegerField newArrivals = new IntegerField();
    final IntegerField asylumIntentions = new IntegerField();
    final Div borderBox = new Div();
    final TextField registrationNo = new TextField();
    final ComboBox<PersonSummary> personSearch = new ComboBox<>();
    final Div linked = new Div();
    final Button save = new Button();
    /** Referrals made during the visit, recorded with it (new visits only; a saved visit adds them on its page). */
    final Div referralsBox = new Div();
    final Button addReferral = new Button();
    final Paragraph referralsHint = new Paragraph();
    final List<ReferralRow> referralRows = new ArrayList<>();
    /** "Draft saved 14:55": the autosave's status line under the form. */
    final Span draftStatus = new Span();

    private final VisitService visits;
    private final PersonService people;
    private final ShelterService shelters;
    private final ReferenceDataService reference;
    private final UserAccountService accounts;
    private final CurrentUser currentUser;
    private final VisitDraftService drafts;
    /** The server-side draft of this new visit (issue #14), once something was typed. */
    private @Nullable Long draftId;
    /** While a draft or a visit is being filled in programmatically, its changes are not autosaved. */
    private boolean filling;
    /** Autosave is on once a new visit's form is built (and a draft, if any, filled in). */
    private boolean autosaving;
    /** Linked people: id to label, in the order they were added. */
    private final Map<Long, String> linkedPeople = new LinkedHashMap<>();
    private @Nullable VisitDetails editing;

    public VisitFormView(VisitService visits, PersonService people, ShelterService shelters, ReferenceDataService reference,
                         UserAccountService accounts, CurrentUser currentUser, VisitDraftService drafts) {
        this.drafts = drafts;
        this.visits = visits;
        this.people = people;
        this.shelters = shelters;
        this.reference = reference;
        this.accounts = accounts;
        this.currentUser = currentUser;
        addClassName("page");
        // Not focused on the new row: on a phone that would open the keyboard over it.
        addReferral.addClickListener(e -> {
            addReferralRow(null);
            saveDraft();
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Long> id = event.getRouteParameters().getLong("id");
        editing = id.flatMap(visits::get).orElse(null);
        if (id.isPresent() && (editing == null || !editing.editable())) {
            add(new H2(getTranslation("visit.notFound.title")), new Paragraph(getTranslation("visit.notFound.text")));
            return;
        }
        draftId = null;
        autosaving = false;
        build();
        if (editing != null) {
            filling = true;
            fill(editing.form());
            filling = false;
            editing.people().forEach(p -> linkedPeople.put(p.personId(), p.label()));
            renderLinked();
        } else {
            Optional<Long> wanted = event.getLocation().getQueryParameters().getSingleParameter("draft").flatMap(VisitFormView::parseId);
            Optional<VisitDraftSummary> draft = wanted.flatMap(drafts::resume);
            if (draft.isPresent()) {
                resume(draft.get());
            } else {
                offerDraft();
                // "Record visit" from a person's page: that person is among the people met.
                event.getLocation().getQueryParameters().getSingleParameter("person").flatMap(VisitFormView::parseId)
                        .ifPresent(person -> people.label(person).ifPresent(label -> {
                            linkedPeople.put(person, label);
                            renderLinked();
                        }));
            }
            autosave();
        }
        // No focus on arrival: on a phone it would open the keyboard or the calendar over the form.
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Fills the form with a draft and keeps saving into it. */
    private void resume(VisitDraftSummary draft) {
        draftId = draft.id();
        filling = true;
        // The people first: the draft's referrals choose among them.
        linkedPeople.clear();
        draft.form().personIds().forEach(id -> linkedPeople.put(id, people.label(id).orElse("#" + id)));
        fill(draft.form());
        renderLinked();
        filling = false;
        draftStatus.setText(getTranslation("phone.drafts.saved", Formats.MOMENT.format(draft.updatedAt())));
    }

    /** A new form while drafts wait: offer the newest (the others are under "My drafts" on the visits list). */
    private void offerDraft() {
        List<VisitDraftSummary> mine = drafts.mine();
        if (mine.isEmpty()) {
            return;
        }
        VisitDraftSummary newest = mine.get(0);
        Div offer = new Div();
        offer.addClassName("notice");
        offer.addClassName("draft-offer");
        Button resume = new Button(getTranslation("phone.drafts.resume"), e -> {
            offer.removeFromParent();
            drafts.resume(newest.id()).ifPresent(this::resume);
        });
        resume.addThemeVariants(ButtonVariant.PRIMARY);
        Button discard = new Button(getTranslation("phone.drafts.discard"), e -> {
            drafts.discard(newest.id(), null);
            offer.removeFromParent();
        });
        discard.addThemeVariants(ButtonVariant.TERTIARY);
        offer.add(new Paragraph(getTranslation("phone.drafts.offer", VisitsView.draftLabel(this, newest))), resume, discard);
        addComponentAtIndex(1, offer);
    }

    /** Every change of a new visit's fields is saved as its draft (text after a pause in typing). */
    private void autosave() {
        List<com.vaadin.flow.component.HasValue<?, ?>> fields = new ArrayList<>(List.of(visitDate, monitors, locationType, municipality,
                shelter, place, purpose, concerns, findings, needs, followUpRequired, followUpOn, personsObserved, newArrivals,
                asylumIntentions));
        fields.addAll(counts.values());
        for (var field : fields) {
            if (field instanceof com.vaadin.flow.data.value.HasValueChangeMode typed) {
                typed.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.TIMEOUT);
                typed.setValueChangeTimeout(800);
            }
            field.addValueChangeListener(e -> saveDraft());
        }
        autosaving = true;
    }

    void saveDraft() {
        if (!autosaving || filling || editing != null) {
            return;
        }
        try {
            draftId = drafts.save(draftId, read());
            draftStatus.setText(getTranslation("phone.drafts.saved", Formats.MOMENT.format(java.time.Instant.now())));
        } catch (RuntimeException e) {
            // A draft too long to keep (a field over its size): the real save shows the error next to the field.
            draftStatus.setText("");
        }
    }

    private void build() {
        String me = currentUser.require().getUsername();
        visitDate.setLabel(getTranslation("visit.date"));
        visitDate.setValue(LocalDate.now());
        visitDate.setMax(LocalDate.now());
        visitDate.setRequiredIndicatorVisible(true);
        visitDate.setAutoOpen(false);
        followUpOn.setAutoOpen(false);

        List<UserAccountDto> colleagues = accounts.partnerColleagues();
        Map<String, String> names = new HashMap<>();
        colleagues.forEach(u -> names.put(u.username(), u.fullName()));
        List<String> usernames = new ArrayList<>(colleagues.stream().map(UserAccountDto::username).toList());
        if (!usernames.contains(me)) {
            usernames.add(0, me);
        }
        monitors.setLabel(getTranslation("visit.monitors"));
        monitors.setItems(usernames);
        monitors.setItemLabelGenerator(u -> names.getOrDefault(u, org.protectioncases.shared.ui.Staff.name(u)));
        monitors.setValue(Set.of(me));
        monitors.setRequiredIndicatorVisible(true);

        locationType.setLabel(getTranslation("visit.locationType"));
        locationType.setItems(LocationType.values());
        locationType.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        locationType.setRequiredIndicatorVisible(true);
        locationType.addValueChangeListener(e -> {
            adaptTo(e.getValue());
            if (e.isFromClient() && purpose.isEmpty() && e.getValue() != null) {
                purpose.setValue(suggestedPurpose(e.getValue()));
            }
        });

        List<ReferenceItem> municipalities = reference.municipalities(getLocale());
        municipality.setLabel(getTranslation("visit.municipality"));
        municipality.setItems(municipalities);
        municipality.setItemLabelGenerator(ReferenceItem::name);
        municipality.setRequiredIndicatorVisible(true);

        List<ShelterOption> shelterOptions = shelters.options();
        shelter.setLabel(getTranslation("visit.shelter"));
        shelter.setItems(shelterOptions);
        shelter.setItemLabelGenerator(ShelterOption::name);
        shelter.setRequiredIndicatorVisible(true);
        if (shelterOptions.isEmpty()) {
            shelter.setHelperText(getTranslation("visit.noShelters"));
        }
        shelter.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                municipalities.stream().filter(m -> m.code().equals(e.getValue().municipalityCode())).findFirst()
                        .ifPresent(municipality::setValue);
            }
        });
        place.setLabel(getTranslation("visit.place"));
        place.setHelperText(getTranslation("visit.place.help"));
        place.setMaxLength(VisitForm.PLACE_MAX);
        place.setRequiredIndicatorVisible(true);

        purpose.setLabel(getTranslation("visit.purpose"));
        purpose.setItems(VisitPurpose.values());
        purpose.setItemLabelGenerator(p -> p == null ? "" : getTranslation(p.messageKey()));
        purpose.setRequiredIndicatorVisible(true);

        personsObserved.setLabel(getTranslation("visit.personsObserved"));
        newArrivals.setLabel(getTranslation("visit.newArrivals"));
        asylumIntentions.setLabel(getTranslation("visit.asylumIntentions"));
        for (IntegerField f : List.of(personsObserved, newArrivals, asylumIntentions)) {
            f.setMin(0);
            f.setStepButtonsVisible(false);
            f.setRequiredIndicatorVisible(true);
        }
        borderBox.removeAll();
        FlexLayout borderFields = new FlexLayout(personsObserved, newArrivals, asylumIntentions);
        borderFields.addClassName("filters");
        borderBox.add(new H3(getTranslation("visit.borderCounts")), borderFields);

        buildCounts();

        concerns.setLabel(getTranslation("visit.concerns"));
        concerns.setItems(ProtectionConcern.values());
        concerns.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        findings.setLabel(getTranslation("visit.findings"));
        findings.setMaxLength(VisitForm.FINDINGS_MAX);
        findings.setWidthFull();
        needs.setLabel(getTranslation("visit.needsIdentified"));
        needs.setMaxLength(VisitForm.NEEDS_MAX);
        needs.setWidthFull();
        followUpRequired.setLabel(getTranslation("visit.followUpRequired"));
        followUpOn.setLabel(getTranslation("visit.followUpOn"));
        followUpOn.setEnabled(false);
        followUpRequired.addValueChangeListener(e -> {
            followUpOn.setEnabled(e.getValue());
            followUpOn.setRequiredIndicatorVisible(e.getValue());
            if (!e.getValue()) {
                followUpOn.clear();
            }
        });
        visitDate.addValueChangeListener(e -> followUpOn.setMin(e.getValue()));
        followUpOn.setMin(visitDate.getValue());

        registrationNo.setLabel(getTranslation("visit.people.registrationNo"));
        registrationNo.setPlaceholder("KOS-2026-000123");
        registrationNo.setMaxLength(TextRules.REGISTRATION_NO);
        Button linkByNumber = new Button(getTranslation("visit.people.add"), e -> linkByRegistrationNo());
        personSearch.setLabel(getTranslation("visit.people.search"));
        personSearch.setItemLabelGenerator(p -> p.registrationNo() + " " + p.givenName() + " " + p.familyName()
                + (p.birthDate() == null ? "" : " (" + p.birthDate().getYear() + ")"));
        personSearch.setItems(query -> {
            String name = query.getFilter().filter(f -> !f.isBlank()).orElse(null);
            return people.list(new PersonFilter(name, null, null, null, null), PageRequest.of(query.getPage(), query.getPageSize())).stream();
        });
        buildReferrals();
        personSearch.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                linkedPeople.put(e.getValue().id(), personSearch.getItemLabelGenerator().apply(e.getValue()));
                renderLinked();
                personSearch.clear();
            }
        });
        linked.addClassName("visit-people");
        renderLinked();

        FormLayout head = new FormLayout(visitDate, monitors, locationType, purpose, municipality, shelter, place);
        FlexLayout linkPeople = new FlexLayout(registrationNo, linkByNumber, personSearch);
        linkPeople.addClassName("filters");
        linkPeople.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        FlexLayout followUp = new FlexLayout(followUpRequired, followUpOn);
        followUp.addClassName("filters");
        followUp.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);

        save.setText(getTranslation(editing == null ? "visit.record" : "common.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        // Enter saves from the one-line fields; in the text areas it starts a new line.
        save.addClickShortcut(Key.ENTER).listenOn(head, borderBox, countsBox, followUp);
        Button cancel = new Button(getTranslation("common.cancel"), e -> getUI().ifPresent(ui -> ui.getPage().getHistory().back()));

        add(new H2(getTranslation(editing == null ? "visit.record" : "visit.edit")), head, borderBox,
                new H3(getTranslation("visit.othersMet")), countsBox, countsTotal,
                new H3(getTranslation("visit.people")), linkPeople, linked);
        if (editing == null) {
            add(new H3(getTranslation("visit.tab.referrals")), referralsBox, referralsHint, addReferral);
        }
        add(concerns, findings, needs, followUp, new HorizontalLayout(cancel, save), draftStatus);
        draftStatus.addClassName("draft-status");
        adaptTo(null);
    }

    /**
     * Sex × age group: one number field per cell, labelled for screen readers. One row per age
     * group with female and male side by side, so the form fits a phone; an empty cell counts as
     * 0 (its placeholder says so) and the total of people met follows as the counts are typed.
     */
    private void buildCounts() {
        countsBox.removeAll();
        counts.clear();
        countsBox.addClassName("counts-grid");
        String female = getTranslation("visit.female");
        String male = getTranslation("visit.male");
        countsBox.add(new Span(), new Span(female), new Span(male));
        Map<AgeGroup, IntegerField[]> rows = new LinkedHashMap<>();
        for (AgeGroup g : AgeGroup.values()) {
            rows.put(g, new IntegerField[] {countField(female, g), countField(male, g)});
        }
        // The service reads the cells in OthersMet's order: all female age groups, then all male.
        rows.forEach((g, cells) -> counts.put(OthersMet.fieldKey(true, g), cells[0]));
        rows.forEach((g, cells) -> counts.put(OthersMet.fieldKey(false, g), cells[1]));
        rows.forEach((g, cells) -> countsBox.add(new Span(getTranslation(g.messageKey())), cells[0], cells[1]));
        countsTotal.addClassName("counts-total");
        countsTotal.getElement().setAttribute("aria-live", "polite");
        updateTotal();
    }

    private IntegerField countField(String sex, AgeGroup g) {
        IntegerField cell = new IntegerField();
        cell.setMin(0);
        cell.setPlaceholder("0");
        cell.setAriaLabel(sex + " " + getTranslation(g.messageKey()));
        cell.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        cell.addValueChangeListener(e -> updateTotal());
        return cell;
    }

    private void updateTotal() {
        int total = counts.values().stream().mapToInt(c -> c.getValue() == null || c.getValue() < 0 ? 0 : c.getValue()).sum();
        countsTotal.setText(getTranslation("phone.visit.total", total));
    }

    private static VisitPurpose suggestedPurpose(LocationType type) {
        return switch (type) {
            case BORDER_CROSSING_POINT, AIRPORT -> VisitPurpose.BORDER_MONITORING;
            case COLLECTIVE_SHELTER -> VisitPurpose.COLLECTIVE_SHELTER_MONITORING;
            case RETURNEE_COMMUNITY, HOUSEHOLD -> VisitPurpose.RETURN_MONITORING;
            default -> VisitPurpose.OTHER;
        };
    }

    /** Shows the fields the location type needs, and clears those it does not (they are not sent). */
    private void adaptTo(@Nullable LocationType type) {
        boolean atShelter = type == LocationType.COLLECTIVE_SHELTER;
        boolean entryPoint = type != null && type.entryPoint();
        shelter.setVisible(atShelter);
        place.setVisible(!atShelter);
        borderBox.setVisible(entryPoint);
        if (!atShelter) {
            shelter.clear();
        }
        if (!entryPoint) {
            personsObserved.clear();
            newArrivals.clear();
            asylumIntentions.clear();
        }
    }

    private void fill(VisitForm f) {
        visitDate.setValue(f.visitDate());
        // Former colleagues (disabled accounts) who made the visit stay selectable.
        List<String> items = new ArrayList<>(monitors.getListDataView().getItems().toList());
        f.monitors().stream().filter(m -> !items.contains(m)).forEach(items::add);
        monitors.setItems(items);
        monitors.setValue(f.monitors());
        locationType.setValue(f.locationType());
        purpose.setValue(f.purpose());
        reference.municipalities(getLocale()).stream().filter(m -> m.code().equals(f.municipalityCode())).findFirst()
                .ifPresent(municipality::setValue);
        if (f.shelterId() != null) {
            shelters.options().stream().filter(s -> s.id() == f.shelterId()).findFirst().ifPresent(shelter::setValue);
        }
        place.setValue(f.place() == null ? "" : f.place());
        List<Integer> values = f.othersMet().asList();
        int i = 0;
        for (IntegerField cell : counts.values()) {
            Integer value = values.get(i++);
            cell.setValue(value == null || value == 0 ? null : value);
        }
        updateTotal();
        concerns.setValue(f.concerns());
        findings.setValue(f.findings() == null ? "" : f.findings());
        needs.setValue(f.needsIdentified() == null ? "" : f.needsIdentified());
        followUpRequired.setValue(f.followUpRequired());
        followUpOn.setValue(f.followUpOn());
        personsObserved.setValue(f.personsObserved());
        newArrivals.setValue(f.newArrivals());
        asylumIntentions.setValue(f.asylumIntentions());
        referralRows.clear();
        referralsBox.removeAll();
        f.referrals().forEach(this::addReferralRow);
    }

    private void linkByRegistrationNo() {
        registrationNo.setInvalid(false);
        Optional<Long> found;
        try {
            found = registrationNo.getValue().isBlank() ? Optional.empty()
                    : people.findVisibleByRegistrationNo(registrationNo.getValue().strip());
        } catch (FieldValidationException e) {
            FormErrors.show(e, Map.of("registrationNo", registrationNo), this);
            return;
        }
        if (found.isEmpty()) {
            registrationNo.setErrorMessage(getTranslation("visit.validation.personNotFound"));
            registrationNo.setInvalid(true);
            return;
        }
        linkedPeople.put(found.get(), people.label(found.get()).orElse(registrationNo.getValue().strip()));
        registrationNo.clear();
        renderLinked();
    }

    private void renderLinked() {
        referralRows.forEach(ReferralRow::offer);
        updateReferralsHint();
        saveDraft();
        linked.removeAll();
        if (linkedPeople.isEmpty()) {
            linked.add(new Paragraph(getTranslation("visit.people.none")));
            return;
        }
        for (var entry : new ArrayList<>(linkedPeople.entrySet())) {
            Button remove = new Button(getTranslation("visit.people.remove"), e -> {
                linkedPeople.remove(entry.getKey());
                renderLinked();
            });
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            remove.setAriaLabel(getTranslation("visit.people.remove") + " " + entry.getValue());
            Div row = new Div(new Span(entry.getValue()), remove);
            row.addClassName("duplicate-row");
            linked.add(row);
        }
    }

    VisitForm read() {
        List<Integer> values = counts.values().stream().map(c -> c.getValue() == null ? 0 : c.getValue()).toList();
        LocationType type = locationType.getValue();
        boolean atShelter = type == LocationType.COLLECTIVE_SHELTER;
        boolean entryPoint = type != null && type.entryPoint();
        return new VisitForm(visitDate.getValue(), new LinkedHashSet<>(monitors.getValue()), type,
                municipality.getValue() == null ? null : municipality.getValue().code(),
                atShelter && shelter.getValue() != null ? shelter.getValue().id() : null,
                atShelter ? null : place.getValue(), purpose.getValue(), OthersMet.of(values), concerns.getValue(),
                findings.getValue(), needs.getValue(), followUpRequired.getValue(),
                followUpRequired.getValue() ? followUpOn.getValue() : null,
                entryPoint ? personsObserved.getValue() : null, entryPoint ? newArrivals.getValue() : null,
                entryPoint ? asylumIntentions.getValue() : null, List.copyOf(linkedPeople.keySet()),
                referralRows.stream().map(ReferralRow::read).toList());
    }

    private void buildReferrals() {
        referralRows.clear();
        referralsBox.removeAll();
        referralsBox.addClassName("visit-referrals");
        addReferral.setText(getTranslation("visit.referral.add"));
        referralsHint.addClassName("hint");
        updateReferralsHint();
    }

    /** Only people linked to the visit can be referred: until one is, the button waits and says so. */
    private void updateReferralsHint() {
        addReferral.setEnabled(!linkedPeople.isEmpty());
        referralsHint.setText(linkedPeople.isEmpty() ? getTranslation("visit.referral.needPerson") : getTranslation("visit.referral.onForm"));
    }

    private ReferralRow addReferralRow(@Nullable VisitFormReferral from) {
        ReferralRow row = new ReferralRow(referralRows.size() + 1);
        if (from != null) {
            // A person no longer linked is not offered; with none chosen yet, the one linked person stays chosen.
            if (from.personId() != null && linkedPeople.containsKey(from.personId())) {
                row.person.setValue(from.personId());
            }
            row.target.setValue(from.target());
            row.reason.setValue(from.reason());
        }
        referralRows.add(row);
        referralsBox.add(row);
        return row;
    }

    /** One referral on the form: whom (a person linked above), where to, why. Dated on the visit's day. */
    final class ReferralRow extends FlexLayout {
        final Select<Long> person = new Select<>();
        final ComboBox<ReferralTarget> target = new ComboBox<>();
        final TextField reason = new TextField();
        final Button remove = new Button();

        ReferralRow(int number) {
            addClassName("filters");
            addClassName("visit-referral");
            setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
            person.setLabel(getTranslation("visit.referral.person"));
            person.setItemLabelGenerator(id -> id == null ? "" : linkedPeople.getOrDefault(id, "#" + id));
            person.setRequiredIndicatorVisible(true);
            offer();
            target.setLabel(getTranslation("referral.target"));
            target.setItems(ReferralTarget.values());
            target.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
            target.setRequiredIndicatorVisible(true);
            reason.setLabel(getTranslation("referral.reason"));
            reason.setMaxLength(ReferralService.REFERRAL_REASON_MAX);
            reason.setRequiredIndicatorVisible(true);
            reason.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.TIMEOUT);
            reason.setValueChangeTimeout(800);
            remove.setText(getTranslation("visit.people.remove"));
            remove.setAriaLabel(getTranslation("visit.referral.remove", number));
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            remove.addClickListener(e -> {
                referralRows.remove(this);
                removeFromParent();
                saveDraft();
            });
            person.addValueChangeListener(e -> saveDraft());
            target.addValueChangeListener(e -> saveDraft());
            reason.addValueChangeListener(e -> saveDraft());
            add(person, target, reason, remove);
        }

        /** The people linked to the visit now; with one, that one (the usual case at a crossing point). */
        void offer() {
            Long chosen = person.getValue();
            person.setItems(List.copyOf(linkedPeople.keySet()));
            if (chosen != null && linkedPeople.containsKey(chosen)) {
                person.setValue(chosen);
            } else if (linkedPeople.size() == 1) {
                person.setValue(linkedPeople.keySet().iterator().next());
            }
        }

        VisitFormReferral read() {
            return new VisitFormReferral(person.getValue(), target.getValue(), reason.getValue());
        }
    }

    private Map<String, HasValidation> errorTargets() {
        Map<String, HasValidation> fields = new HashMap<>(counts);
        fields.put("visitDate", visitDate);
        fields.put("monitors", monitors);
        fields.put("locationType", locationType);
        fields.put("municipalityCode", municipality);
        fields.put("shelterId", shelter);
        fields.put("place", place);
        fields.put("purpose", purpose);
        fields.put("findings", findings);
        fields.put("needsIdentified", needs);
        fields.put("followUpOn", followUpOn);
        fields.put("personsObserved", personsObserved);
        fields.put("newArrivals", newArrivals);
        fields.put("asylumIntentions", asylumIntentions);
        fields.put("people", registrationNo);
        for (int i = 0; i < referralRows.size(); i++) {
            ReferralRow row = referralRows.get(i);
            fields.put("referrals." + i + ".personId", row.person);
            // Consent is the person's: its error shows under the person chosen.
            fields.put("referrals." + i + ".consent", row.person);
            fields.put("referrals." + i + ".target", row.target);
            fields.put("referrals." + i + ".reason", row.reason);
        }
        return fields;
    }

    void save() {
        Map<String, HasValidation> fields = errorTargets();
        FormErrors.clear(fields);
        VisitDetails before = editing;
        try {
            VisitForm form = read();
            VisitDetails saved = before == null ? visits.record(form) : visits.update(before.id(), before.version(), form);
            if (draftId != null) {
                drafts.discard(draftId, saved.id());
            }
            Notifications.success(getTranslation(before == null ? "visit.recorded" : "visit.saved"));
            if (!form.referrals().isEmpty()) {
                Notifications.success(getTranslation("referral.sent"));
            }
            getUI().ifPresent(ui -> ui.navigate(VisitView.class, new RouteParameters("id", String.valueOf(saved.id()))));
        } catch (FieldValidationException ex) {
            FormErrors.show(ex, fields, this);
            offerConsent(ex);
        } catch (org.springframework.dao.OptimisticLockingFailureException ex) {
            conflict(Objects.requireNonNull(before));
        }
    }

    /**
     * A referral's person has no consent to referral: as on a saved visit's page, record it right
     * here and then record the visit again with everything typed. The first such person only; another
     * one missing consent is offered on the next try.
     */
    private void offerConsent(FieldValidationException ex) {
        for (int i = 0; i < referralRows.size(); i++) {
            Long person = referralRows.get(i).person.getValue();
            if (ex.fieldErrors().containsKey("referrals." + i + ".consent") && person != null) {
                org.protectioncases.people.ui.shared.ConsentCapture.offer(person, org.protectioncases.people.ConsentScope.REFERRAL, this::save);
                return;
            }
        }
    }

    /** Someone saved the visit after this form was opened: nothing was overwritten; say who, show their version. */
    private void conflict(VisitDetails v) {
        var history = visits.history(v.id());
        var last = history.isEmpty() ? null : history.get(history.size() - 1);
        Notifications.error(last == null ? getTranslation("error.staleData")
                : getTranslation("visit.conflict", org.protectioncases.shared.ui.Staff.name(last.actor()), TIME.format(last.at())));
        getUI().ifPresent(ui -> ui.navigate(VisitView.class, new RouteParameters("id", String.valueOf(v.id()))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(editing == null ? "visit.record" : "visit.edit") + " | " + getTranslation("app.name");
    }
}
