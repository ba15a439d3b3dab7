package org.protectioncases.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.monitoring.VisitFormReferral;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ui.shared.ConsentCapture;
import org.protectioncases.shared.FieldValidationException;

/**
 * Referrals made during the visit, recorded with it (new visits only; a saved visit adds them on
 * its page). Only people linked to the visit can be referred: until one is, the button waits and
 * says so. Every change is announced ({@code changed}) so the draft is saved.
 */
class VisitReferrals {

    final Div box = new Div();
    final Button add = new Button();
    final Paragraph hint = new Paragraph();
    final List<ReferralRow> rows = new ArrayList<>();

    private final Component page;
    /** The people linked to the visit (id to label), owned by {@link VisitPeople}. */
    private final Map<Long, String> linkedPeople;
    private final Runnable changed;

    VisitReferrals(Component page, Map<Long, String> linkedPeople, Runnable changed) {
        this.page = page;
        this.linkedPeople = linkedPeople;
        this.changed = changed;
        // Not focused on the new row: on a phone that would open the keyboard over it.
        add.addClickListener(e -> {
            addRow(null);
            changed.run();
        });
    }

    void build() {
        clear();
        box.addClassName("visit-referrals");
        add.setText(page.getTranslation("visit.referral.add"));
        hint.addClassName("hint");
        peopleChanged();
    }

    void clear() {
        rows.clear();
        box.removeAll();
    }

    /** The people linked changed: each row offers those linked now; the button waits for the first. */
    void peopleChanged() {
        rows.forEach(ReferralRow::offer);
        add.setEnabled(!linkedPeople.isEmpty());
        hint.setText(page.getTranslation(linkedPeople.isEmpty() ? "visit.referral.needPerson" : "visit.referral.onForm"));
    }

    ReferralRow addRow(@Nullable VisitFormReferral from) {
        ReferralRow row = new ReferralRow(rows.size() + 1);
        if (from != null) {
            // A person no longer linked is not offered; with none chosen yet, the one linked person stays chosen.
            if (from.personId() != null && linkedPeople.containsKey(from.personId())) {
                row.person.setValue(from.personId());
            }
            row.target.setValue(from.target());
            row.reason.setValue(from.reason());
        }
        rows.add(row);
        box.add(row);
        return row;
    }

    List<VisitFormReferral> read() {
        return rows.stream().map(ReferralRow::read).toList();
    }

    /** Where the service's errors for referral {@code i} show ({@code referrals.<i>.<field>}). */
    void errorTargets(Map<String, HasValidation> fields) {
        for (int i = 0; i < rows.size(); i++) {
            ReferralRow row = rows.get(i);
            fields.put("referrals." + i + ".personId", row.person);
            // Consent is the person's: its error shows under the person chosen.
            fields.put("referrals." + i + ".consent", row.person);
            fields.put("referrals." + i + ".target", row.target);
            fields.put("referrals." + i + ".reason", row.reason);
        }
    }

    /**
     * A referral's person has no consent to referral: as on a saved visit's page, record it right
     * here and then {@code retry} (record the visit again with everything typed). The first such
     * person only; another one missing consent is offered on the next try.
     */
    void offerConsent(FieldValidationException ex, Runnable retry) {
        for (int i = 0; i < rows.size(); i++) {
            Long person = rows.get(i).person.getValue();
            if (ex.fieldErrors().containsKey("referrals." + i + ".consent") && person != null) {
                ConsentCapture.offer(person, ConsentScope.REFERRAL, retry);
                return;
            }
        }
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
            setAlignItems(FlexComponent.Alignment.BASELINE);
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
            reason.setValueChangeMode(ValueChangeMode.TIMEOUT);
            reason.setValueChangeTimeout(800);
            remove.setText(getTranslation("visit.people.remove"));
            remove.setAriaLabel(getTranslation("visit.referral.remove", number));
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            remove.addClickListener(e -> {
                rows.remove(this);
                removeFromParent();
                changed.run();
            });
            person.addValueChangeListener(e -> changed.run());
            target.addValueChangeListener(e -> changed.run());
            reason.addValueChangeListener(e -> changed.run());
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
}
