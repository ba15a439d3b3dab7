package org.protectioncases.monitoring.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.ui.RecordHistory;
import org.protectioncases.monitoring.VisitDetails;
import org.protectioncases.monitoring.VisitDraftService;
import org.protectioncases.monitoring.VisitDraftSummary;
import org.protectioncases.monitoring.VisitForm;
import org.protectioncases.monitoring.VisitService;
import org.protectioncases.people.PersonService;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.RecordPage;
import org.protectioncases.shelters.ShelterService;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Records a visit ({@code visits/new}) or changes one ({@code visits/ID/edit}). Fields follow the
 * location type: the shelter pick list at a collective shelter, the border counts at crossing
 * points and the airport. The service checks everything; its field errors appear next to the fields.
 */
@Route("visits/new")
@RouteAlias("visits/:id/edit")
@RolesAllowed({Roles.PARTNER_COORDINATOR, Roles.PROTECTION_MONITOR})
public class VisitFormView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** The form's fields; tests reach them here. */
    final VisitFormFields form;
    final Button save = new Button();
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
    private final Clock clock;
    private @Nullable VisitDetails editing;

    public VisitFormView(VisitService visits, PersonService people, ShelterService shelters, ReferenceDataService reference,
                         UserAccountService accounts, CurrentUser currentUser, VisitDraftService drafts, Clock clock) {
        this.drafts = drafts;
        this.visits = visits;
        this.people = people;
        this.shelters = shelters;
        this.reference = reference;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
        addClassName("page");
        form = new VisitFormFields(this, people, shelters, reference, accounts, this::saveDraft);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Long> id = event.getRouteParameters().getLong("id");
        editing = id.flatMap(visits::get).orElse(null);
        if (id.isPresent() && (editing == null || !editing.editable())) {
            RecordPage.notFound(this, "visit");
            return;
        }
        draftId = null;
        autosaving = false;
        build();
        if (editing != null) {
            filling = true;
            form.fill(editing.form());
            filling = false;
            editing.people().forEach(p -> form.met.link(p.personId(), p.label()));
            form.met.render();
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
                            form.met.link(person, label);
                            form.met.render();
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
        form.met.linkedPeople.clear();
        draft.form().personIds().forEach(id -> form.met.link(id, people.label(id).orElse("#" + id)));
        form.fill(draft.form());
        form.met.render();
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
        for (var field : form.values()) {
            if (field instanceof HasValueChangeMode typed) {
                typed.setValueChangeMode(ValueChangeMode.TIMEOUT);
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
            draftId = drafts.save(draftId, form.read());
            draftStatus.setText(getTranslation("phone.drafts.saved", Formats.MOMENT.format(Instant.now(clock))));
        } catch (RuntimeException e) {
            // A draft too long to keep (a field over its size): the real save shows the error next to the field.
            draftStatus.setText("");
        }
    }

    private void build() {
        String me = currentUser.require().getUsername();
        form.build(me, LocalDate.now(clock), getLocale());
        save.setText(getTranslation(editing == null ? "visit.record" : "common.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        // Enter saves from the one-line fields; in the text areas it starts a new line.
        save.addClickShortcut(Key.ENTER).listenOn(form.head, form.borderBox, form.countsBox, form.followUp);
        Button cancel = new Button(getTranslation("common.cancel"), e -> getUI().ifPresent(ui -> ui.getPage().getHistory().back()));

        add(new H2(getTranslation(editing == null ? "visit.record" : "visit.edit")), form.head, form.borderBox,
                new H3(getTranslation("visit.othersMet")), form.countsBox, form.countsBox.total,
                new H3(getTranslation("visit.people")), form.linkPeople, form.met.linked);
        if (editing == null) {
            add(new H3(getTranslation("visit.tab.referrals")), form.referrals.box, form.referrals.hint, form.referrals.add);
        }
        add(form.concerns, form.findings, form.needs, form.followUp, new HorizontalLayout(cancel, save), draftStatus);
        draftStatus.addClassName("draft-status");
    }

    void save() {
        Map<String, HasValidation> fields = form.errorTargets();
        FormErrors.clear(fields);
        VisitDetails before = editing;
        try {
            VisitForm typed = form.read();
            VisitDetails saved = before == null ? visits.record(typed) : visits.update(before.id(), before.version(), typed);
            if (draftId != null) {
                drafts.discard(draftId, saved.id());
            }
            Notifications.success(getTranslation(before == null ? "visit.recorded" : "visit.saved"));
            if (!typed.referrals().isEmpty()) {
                Notifications.success(getTranslation("referral.sent"));
            }
            getUI().ifPresent(ui -> ui.navigate(VisitView.class, new RouteParameters("id", String.valueOf(saved.id()))));
        } catch (FieldValidationException ex) {
            FormErrors.show(ex, fields, this);
            form.referrals.offerConsent(ex, this::save);
        } catch (OptimisticLockingFailureException ex) {
            conflict(Objects.requireNonNull(before));
        }
    }

    /** Someone saved the visit after this form was opened: nothing was overwritten; say who, show their version. */
    private void conflict(VisitDetails v) {
        Notifications.error(RecordHistory.savedMeanwhile(this, visits.history(v.id()), "visit.conflict"));
        getUI().ifPresent(ui -> ui.navigate(VisitView.class, new RouteParameters("id", String.valueOf(v.id()))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(editing == null ? "visit.record" : "visit.edit") + " | " + getTranslation("app.name");
    }
}
