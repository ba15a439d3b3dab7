package org.protectioncases.counselling.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CaseType;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionDraft;
import org.protectioncases.counselling.SessionDraftService;
import org.protectioncases.counselling.SessionDto;
import org.protectioncases.counselling.SessionForm;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.springframework.dao.DataAccessException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Logs (or edits) a session with the keyboard alone: the form opens on the topics with date =
 * now, 30 minutes, at the office, counselling; Enter in any one-line field or Ctrl+Enter anywhere
 * saves; the last session's next steps are shown above the form.
 */
class SessionDialog extends Dialog {

    static final DateTimeFormatter DATE_TIME = Formats.DATE_TIME;

    final MultiSelectComboBox<SessionTopic> topics = new MultiSelectComboBox<>();
    final Select<LegalAidType> aidType = new Select<>();
    final Select<SessionMode> mode = new Select<>();
    final IntegerField duration = new IntegerField();
    final DateTimePicker heldAt = DateFields.dateTime(Duration.ofMinutes(15));
    final CheckboxGroup<SessionDto.Attendee> attendees = new CheckboxGroup<>();
    final TextArea summary = new TextArea();
    final TextField outcome = new TextField();
    final TextField nextSteps = new TextField();
    final DatePicker followUpOn = DateFields.date();
    final Checkbox interpreter = new Checkbox();
    final TextField interpreterLanguage = new TextField();
    final TextArea confidentialNote = new TextArea();
    final Button save = new Button();

    /** "draft saved 14:55" under a new session's form (issue #14). */
    final Span draftStatus = new Span();
    /** The source of "now": a new session is held now unless changed. */
    private final Clock clock;

    /**
     * @param drafts   where a new session's draft is kept as it is typed; null when editing a saved session
     * @param caseType the case's type, whose topics a new session starts with; null when editing
     */
    SessionDialog(CounsellingService service, @Nullable SessionDraftService drafts, long caseId, @Nullable CaseType caseType,
                  @Nullable SessionDto existing, @Nullable SessionDto previous, Clock clock, Consumer<SessionDto> onSaved) {
        this.clock = clock;
        setHeaderTitle(getTranslation(existing == null ? "session.log" : "session.edit"));
        setWidth("min(64rem, 100vw)");
        topics.setLabel(getTranslation("session.topics"));
        topics.setItems(SessionTopic.values());
        topics.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        topics.setRequiredIndicatorVisible(true);
        topics.setAutofocus(true);
        topics.setHelperText(getTranslation("session.topics.help"));
        sayWhenNoTopicMatches();
        closeListOnChoice();
        aidType.setLabel(getTranslation("session.aidType"));
        aidType.setItems(LegalAidType.values());
        aidType.setItemLabelGenerator(t -> t == null ? "" : getTranslation(t.messageKey()));
        mode.setLabel(getTranslation("session.mode"));
        mode.setItems(SessionMode.values());
        mode.setItemLabelGenerator(m -> m == null ? "" : getTranslation(m.messageKey()));
        duration.setLabel(getTranslation("session.duration"));
        duration.setMin(1);
        duration.setMax(600);
        duration.setStepButtonsVisible(false);
        heldAt.setLabel(getTranslation("session.heldAt"));
        attendees.setLabel(getTranslation("session.attendees"));
        List<SessionDto.Attendee> choices = service.attendeeChoices(caseId);
        attendees.setItems(choices);
        attendees.setItemLabelGenerator(SessionDto.Attendee::label);
        summary.setLabel(getTranslation("session.summary"));
        summary.setMaxLength(SessionForm.TEXT_MAX);
        outcome.setLabel(getTranslation("session.outcome"));
        outcome.setMaxLength(SessionForm.SHORT_TEXT_MAX);
        nextSteps.setLabel(getTranslation("session.nextSteps"));
        nextSteps.setMaxLength(SessionForm.SHORT_TEXT_MAX);
        followUpOn.setLabel(getTranslation("session.followUpOn"));
        interpreter.setLabel(getTranslation("session.interpreter"));
        interpreterLanguage.setLabel(getTranslation("session.interpreterLanguage"));
        interpreterLanguage.setEnabled(false);
        interpreterLanguage.setMaxLength(SessionForm.INTERPRETER_LANGUAGE_MAX);
        interpreter.addValueChangeListener(e -> interpreterLanguage.setEnabled(e.getValue()));
        confidentialNote.setLabel(getTranslation("session.confidentialNote"));
        confidentialNote.setHelperText(getTranslation("session.confidentialNote.help"));
        confidentialNote.setMaxLength(SessionForm.TEXT_MAX);

        SessionForm initial = existing != null ? existing.form()
                : SessionForm.defaults(LocalDateTime.now(clock), choices.isEmpty() ? Set.of() : Set.of(choices.get(0).personId()));
        fill(initial, choices);
        if (existing == null && caseType != null) {
            topics.setValue(SessionTopic.defaultsFor(caseType));
        }
        Optional<SessionDraft> draft = existing == null && drafts != null ? drafts.forCase(caseId) : Optional.empty();
        if (draft.isPresent()) {
            // Typed before a dropped connection, an expired session or a reload: carry on from there.
            fill(draft.get().form(), choices);
            Button discard = new Button(getTranslation("session.draft.discard"));
            Div restored = new Div(new Paragraph(getTranslation("session.draft.restored",
                    Formats.MOMENT.format(draft.get().updatedAt()))), discard);
            restored.addClassNames("notice", "draft-offer");
            discard.addClickListener(e -> {
                Objects.requireNonNull(drafts).discard(caseId);
                fill(SessionForm.defaults(LocalDateTime.now(clock), choices.isEmpty() ? Set.of() : Set.of(choices.get(0).personId())), choices);
                if (caseType != null) {
                    topics.setValue(SessionTopic.defaultsFor(caseType));
                }
                draftStatus.setText("");
                restored.removeFromParent();
            });
            add(restored);
        }

        if (previous != null) {
            String steps = previous.form().nextSteps();
            Paragraph last = new Paragraph(getTranslation("session.previous", previous.heldAt().format(DATE_TIME),
                    steps == null || steps.isBlank() ? getTranslation("session.previous.none") : steps));
            last.addClassName("notice");
            last.setId("previous-next-steps");
            add(last);
        }
        // Tab order follows what changes every time (topics, texts) before what usually keeps its default.
        FormLayout form = new FormLayout(topics, summary, outcome, nextSteps, followUpOn, aidType, mode, duration, heldAt, attendees,
                interpreter, interpreterLanguage, confidentialNote);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(topics, 2);
        form.setColspan(summary, 2);
        form.setColspan(outcome, 2);
        form.setColspan(nextSteps, 2);
        form.setColspan(attendees, 2);
        form.setColspan(confidentialNote, 2);
        add(form);
        add(new Div(new Paragraph(getTranslation("session.keyboardHint"))));
        if (existing == null && drafts != null) {
            draftStatus.addClassName("draft-status");
            draftStatus.getElement().setAttribute("aria-live", "polite");
            add(draftStatus);
            autosave(drafts, caseId);
        }

        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("topics", topics);
        fields.put("aidType", aidType);
        fields.put("mode", mode);
        fields.put("durationMinutes", duration);
        fields.put("heldAt", heldAt);
        fields.put("followUpOn", followUpOn);
        fields.put("summary", summary);
        fields.put("outcome", outcome);
        fields.put("nextSteps", nextSteps);
        fields.put("interpreterLanguage", interpreterLanguage);
        fields.put("confidentialNote", confidentialNote);

        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            SessionForm f = read();
            try {
                SessionDto saved = existing == null ? service.log(caseId, f) : service.update(existing.id(), existing.version(), f);
                close();
                Notifications.success(getTranslation("session.saved"));
                onSaved.accept(saved);
            } catch (FieldValidationException ex) {
                if (ex.fieldErrors().containsKey("case")) {
                    Notifications.error(getTranslation(ex.fieldErrors().get("case")));
                }
                FormErrors.show(ex, fields, this);
            } catch (ObjectOptimisticLockingFailureException ex) {
                Notifications.error(getTranslation("error.staleData"));
            }
        });
        // Enter saves from one-line text fields only: in pickers and lists it chooses an item, in the
        // summary and the note it starts a new line. Ctrl+Enter saves from anywhere.
        // resetFocusOnActiveElement commits the field being typed in before the click.
        Shortcuts.addShortcutListener(this, save::click, Key.ENTER).listenOn(outcome, nextSteps, duration, interpreterLanguage)
                .resetFocusOnActiveElement();
        Shortcuts.addShortcutListener(this, save::click, Key.ENTER, KeyModifier.CONTROL).listenOn(this)
                .resetFocusOnActiveElement();
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    /**
     * Every change the user makes to a new session is kept as the draft of this case (text after a
     * pause in typing), so nothing typed is lost when the connection or the session drops.
     */
    private void autosave(SessionDraftService drafts, long caseId) {
        for (TextArea area : List.of(summary, confidentialNote)) {
            area.setValueChangeMode(ValueChangeMode.LAZY);
            area.setValueChangeTimeout(800);
        }
        for (TextField line : List.of(outcome, nextSteps, interpreterLanguage)) {
            line.setValueChangeMode(ValueChangeMode.LAZY);
            line.setValueChangeTimeout(800);
        }
        List<HasValue<?, ?>> all = List.of(topics, aidType, mode, duration, heldAt, attendees, summary,
                outcome, nextSteps, followUpOn, interpreter, interpreterLanguage, confidentialNote);
        all.forEach(field -> field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                saveDraft(drafts, caseId);
            }
        }));
    }

    private void saveDraft(SessionDraftService drafts, long caseId) {
        try {
            if (drafts.save(caseId, read())) {
                draftStatus.setText(getTranslation("phone.drafts.saved", Formats.MOMENT.format(Instant.now(clock))));
            }
        } catch (FieldValidationException | DataAccessException e) {
            // A field over its size, or the database out of reach: the real save says why, next to the field.
            draftStatus.setText("");
        }
    }

    /**
     * Says so under the field when what is typed matches no topic (the list would just stay empty):
     * the filter text comes from the browser as it changes.
     */
    private void sayWhenNoTopicMatches() {
        topics.getElement().addEventListener("filter-changed", e -> {
            tools.jackson.databind.JsonNode value = e.getEventData().get("event.detail.value");
            String typed = value == null || value.isNull() ? "" : value.asString("").strip();
            String text = typed.toLowerCase(getLocale());
            boolean none = !text.isEmpty() && Arrays.stream(SessionTopic.values())
                    .noneMatch(t -> getTranslation(t.messageKey()).toLowerCase(getLocale()).contains(text));
            topics.setHelperText(none ? getTranslation("session.topics.noMatch", typed) : getTranslation("session.topics.help"));
            if (none) {
                topics.addClassName("no-match");
            } else {
                topics.removeClassName("no-match");
            }
        }).addEventData("event.detail.value").debounce(250);
    }

    /**
     * A multi-select list stays open after each choice by default; sessions rarely have more than
     * one or two topics, so it closes (typing again reopens it).
     */
    private void closeListOnChoice() {
        topics.addAttachListener(e -> topics.getElement().executeJs(
                "if (!this.__pcCloseOnChoice) { this.__pcCloseOnChoice = true;"
                        + " this.addEventListener('selected-items-changed', () => { if (this.opened) { this.opened = false; } }); }"));
    }

    private void fill(SessionForm f, List<SessionDto.Attendee> choices) {
        topics.setValue(f.topics());
        aidType.setValue(f.aidType());
        mode.setValue(f.mode());
        duration.setValue(f.durationMinutes());
        heldAt.setValue(f.heldAt());
        attendees.setValue(choices.stream().filter(a -> f.attendeeIds().contains(a.personId())).collect(Collectors.toSet()));
        summary.setValue(f.summary() == null ? "" : f.summary());
        outcome.setValue(f.outcome() == null ? "" : f.outcome());
        nextSteps.setValue(f.nextSteps() == null ? "" : f.nextSteps());
        followUpOn.setValue(f.followUpOn());
        interpreter.setValue(f.interpreterUsed());
        interpreterLanguage.setValue(f.interpreterLanguage() == null ? "" : f.interpreterLanguage());
        confidentialNote.setValue(f.confidentialNote() == null ? "" : f.confidentialNote());
    }

    SessionForm read() {
        return new SessionForm(heldAt.getValue(), duration.getValue(), mode.getValue(), aidType.getValue(), Set.copyOf(topics.getValue()),
                attendees.getValue().stream().map(SessionDto.Attendee::personId).collect(Collectors.toSet()),
                interpreter.getValue(), interpreterLanguage.getValue(), summary.getValue(), outcome.getValue(), nextSteps.getValue(),
                followUpOn.getValue(), confidentialNote.getValue());
    }
}
