package org.protectioncases.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.monitoring.LocationType;
import org.protectioncases.monitoring.ProtectionConcern;
import org.protectioncases.monitoring.VisitForm;
import org.protectioncases.monitoring.VisitPurpose;
import org.protectioncases.people.PersonService;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.Staff;
import org.protectioncases.shelters.ShelterOption;
import org.protectioncases.shelters.ShelterService;

/**
 * The fields of the visit form ({@link VisitFormView}) and how they depend on each other: the
 * shelter pick list at a collective shelter, the border counts at crossing points and the
 * airport, the follow-up date once a follow-up is required. Reads and fills a {@link VisitForm}
 * and says where each of the service's field errors shows.
 */
class VisitFormFields {

    final DatePicker visitDate = DateFields.date();
    final MultiSelectComboBox<String> monitors = new MultiSelectComboBox<>();
    final Select<LocationType> locationType = new Select<>();
    final ComboBox<ReferenceItem> municipality = new ComboBox<>();
    final ComboBox<ShelterOption> shelter = new ComboBox<>();
    final TextField place = new TextField();
    final Select<VisitPurpose> purpose = new Select<>();
    /** Others met, sex × age group; {@link #counts} are its cells by field key. */
    final VisitCounts countsBox = new VisitCounts();
    final Map<String, IntegerField> counts = countsBox.cells;
    final CheckboxGroup<ProtectionConcern> concerns = new CheckboxGroup<>();
    final TextArea findings = new TextArea();
    final TextArea needs = new TextArea();
    final Checkbox followUpRequired = new Checkbox();
    final DatePicker followUpOn = DateFields.date();
    final IntegerField personsObserved = new IntegerField();
    final IntegerField newArrivals = new IntegerField();
    final IntegerField asylumIntentions = new IntegerField();
    final Div borderBox = new Div();
    final VisitPeople met;
    final VisitReferrals referrals;
    /** Layout parts built by {@link #build}, placed by the view. */
    FormLayout head = new FormLayout();
    FlexLayout linkPeople = new FlexLayout();
    FlexLayout followUp = new FlexLayout();

    private final Component page;
    private final ShelterService shelters;
    private final ReferenceDataService reference;
    private final UserAccountService accounts;
    /** The reader's language, for the municipality names (set by {@link #build}). */
    private Locale locale = Locale.ENGLISH;

    /** {@code changed} runs when people or referrals change (the view saves its draft). */
    VisitFormFields(Component page, PersonService people, ShelterService shelters, ReferenceDataService reference,
                    UserAccountService accounts, Runnable changed) {
        this.page = page;
        this.shelters = shelters;
        this.reference = reference;
        this.accounts = accounts;
        Map<Long, String> linked = new LinkedHashMap<>();
        referrals = new VisitReferrals(page, linked, changed);
        met = new VisitPeople(page, people, linked, () -> {
            referrals.peopleChanged();
            changed.run();
        });
    }

    /** Labels and fills the fields for a new visit on {@code today} by {@code me}, in the reader's {@code locale}. */
    void build(String me, LocalDate today, Locale locale) {
        this.locale = locale;
        visitDate.setLabel(page.getTranslation("visit.date"));
        visitDate.setValue(today);
        visitDate.setMax(today);
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
        monitors.setLabel(page.getTranslation("visit.monitors"));
        monitors.setItems(usernames);
        monitors.setItemLabelGenerator(u -> names.getOrDefault(u, Staff.name(u)));
        monitors.setValue(Set.of(me));
        monitors.setRequiredIndicatorVisible(true);

        locationType.setLabel(page.getTranslation("visit.locationType"));
        locationType.setItems(LocationType.values());
        locationType.setItemLabelGenerator(t -> page.getTranslation(t.messageKey()));
        locationType.setRequiredIndicatorVisible(true);
        locationType.addValueChangeListener(e -> {
            adaptTo(e.getValue());
            if (e.isFromClient() && purpose.isEmpty() && e.getValue() != null) {
                purpose.setValue(suggestedPurpose(e.getValue()));
            }
        });

        List<ReferenceItem> municipalities = reference.municipalities(locale);
        municipality.setLabel(page.getTranslation("visit.municipality"));
        municipality.setItems(municipalities);
        municipality.setItemLabelGenerator(ReferenceItem::name);
        municipality.setRequiredIndicatorVisible(true);

        List<ShelterOption> shelterOptions = shelters.options();
        shelter.setLabel(page.getTranslation("visit.shelter"));
        shelter.setItems(shelterOptions);
        shelter.setItemLabelGenerator(ShelterOption::name);
        shelter.setRequiredIndicatorVisible(true);
        if (shelterOptions.isEmpty()) {
            shelter.setHelperText(page.getTranslation("visit.noShelters"));
        }
        shelter.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                municipalities.stream().filter(m -> m.code().equals(e.getValue().municipalityCode())).findFirst()
                        .ifPresent(municipality::setValue);
            }
        });
        place.setLabel(page.getTranslation("visit.place"));
        place.setHelperText(page.getTranslation("visit.place.help"));
        place.setMaxLength(VisitForm.PLACE_MAX);
        place.setRequiredIndicatorVisible(true);

        purpose.setLabel(page.getTranslation("visit.purpose"));
        purpose.setItems(VisitPurpose.values());
        purpose.setItemLabelGenerator(p -> p == null ? "" : page.getTranslation(p.messageKey()));
        purpose.setRequiredIndicatorVisible(true);

        personsObserved.setLabel(page.getTranslation("visit.personsObserved"));
        newArrivals.setLabel(page.getTranslation("visit.newArrivals"));
        asylumIntentions.setLabel(page.getTranslation("visit.asylumIntentions"));
        for (IntegerField f : List.of(personsObserved, newArrivals, asylumIntentions)) {
            f.setMin(0);
            f.setStepButtonsVisible(false);
            f.setRequiredIndicatorVisible(true);
        }
        borderBox.removeAll();
        FlexLayout borderFields = new FlexLayout(personsObserved, newArrivals, asylumIntentions);
        borderFields.addClassName("filters");
        borderBox.add(new H3(page.getTranslation("visit.borderCounts")), borderFields);

        countsBox.build();

        concerns.setLabel(page.getTranslation("visit.concerns"));
        concerns.setItems(ProtectionConcern.values());
        concerns.setItemLabelGenerator(c -> page.getTranslation(c.messageKey()));
        findings.setLabel(page.getTranslation("visit.findings"));
        findings.setMaxLength(VisitForm.FINDINGS_MAX);
        findings.setWidthFull();
        needs.setLabel(page.getTranslation("visit.needsIdentified"));
        needs.setMaxLength(VisitForm.NEEDS_MAX);
        needs.setWidthFull();
        followUpRequired.setLabel(page.getTranslation("visit.followUpRequired"));
        followUpOn.setLabel(page.getTranslation("visit.followUpOn"));
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

        linkPeople = met.build();
        referrals.build();
        met.render();

        head = new FormLayout(visitDate, monitors, locationType, purpose, municipality, shelter, place);
        followUp = new FlexLayout(followUpRequired, followUpOn);
        followUp.addClassName("filters");
        followUp.setAlignItems(FlexComponent.Alignment.BASELINE);
        adaptTo(null);
    }

    /** The fields whose changes are saved as the new visit's draft. */
    List<HasValue<?, ?>> values() {
        List<HasValue<?, ?>> fields = new ArrayList<>(List.of(visitDate, monitors, locationType, municipality,
                shelter, place, purpose, concerns, findings, needs, followUpRequired, followUpOn, personsObserved, newArrivals,
                asylumIntentions));
        fields.addAll(counts.values());
        return fields;
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
    void adaptTo(@Nullable LocationType type) {
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

    void fill(VisitForm f) {
        visitDate.setValue(f.visitDate());
        // Former colleagues (disabled accounts) who made the visit stay selectable.
        List<String> items = new ArrayList<>(monitors.getListDataView().getItems().toList());
        f.monitors().stream().filter(m -> !items.contains(m)).forEach(items::add);
        monitors.setItems(items);
        monitors.setValue(f.monitors());
        locationType.setValue(f.locationType());
        purpose.setValue(f.purpose());
        reference.municipalities(locale).stream().filter(m -> m.code().equals(f.municipalityCode())).findFirst()
                .ifPresent(municipality::setValue);
        if (f.shelterId() != null) {
            shelters.options().stream().filter(s -> s.id() == f.shelterId()).findFirst().ifPresent(shelter::setValue);
        }
        place.setValue(f.place() == null ? "" : f.place());
        countsBox.fill(f.othersMet());
        concerns.setValue(f.concerns());
        findings.setValue(f.findings() == null ? "" : f.findings());
        needs.setValue(f.needsIdentified() == null ? "" : f.needsIdentified());
        followUpRequired.setValue(f.followUpRequired());
        followUpOn.setValue(f.followUpOn());
        personsObserved.setValue(f.personsObserved());
        newArrivals.setValue(f.newArrivals());
        asylumIntentions.setValue(f.asylumIntentions());
        referrals.clear();
        f.referrals().forEach(referrals::addRow);
    }

    VisitForm read() {
        LocationType type = locationType.getValue();
        boolean atShelter = type == LocationType.COLLECTIVE_SHELTER;
        boolean entryPoint = type != null && type.entryPoint();
        return VisitForm.builder()
                .visitDate(visitDate.getValue()).monitors(new LinkedHashSet<>(monitors.getValue()))
                .locationType(type).municipalityCode(municipality.getValue() == null ? null : municipality.getValue().code())
                .shelterId(atShelter && shelter.getValue() != null ? shelter.getValue().id() : null)
                .place(atShelter ? null : place.getValue()).purpose(purpose.getValue())
                .othersMet(countsBox.read()).concerns(concerns.getValue())
                .findings(findings.getValue()).needsIdentified(needs.getValue())
                .followUpRequired(followUpRequired.getValue()).followUpOn(followUpRequired.getValue() ? followUpOn.getValue() : null)
                // Border counts only at entry points (the fields are hidden elsewhere).
                .personsObserved(entryPoint ? personsObserved.getValue() : null)
                .newArrivals(entryPoint ? newArrivals.getValue() : null)
                .asylumIntentions(entryPoint ? asylumIntentions.getValue() : null)
                .personIds(List.copyOf(met.linkedPeople.keySet())).referrals(referrals.read())
                .build();
    }

    Map<String, HasValidation> errorTargets() {
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
        fields.put("people", met.registrationNo);
        referrals.errorTargets(fields);
        return fields;
    }
}
