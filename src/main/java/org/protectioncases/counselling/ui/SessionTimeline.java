package org.protectioncases.counselling.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CasePageSection;
import org.protectioncases.cases.CaseType;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.SessionDraftService;
import org.protectioncases.counselling.SessionDto;
import org.protectioncases.counselling.SessionForm;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.Staff;

/** A case's sessions, newest first; refreshes itself after a session is logged. */
class SessionTimeline extends Div {

    private final CounsellingService service;
    private final SessionDraftService drafts;
    private final long caseId;
    private final @Nullable CaseType caseType;
    private List<SessionDto> sessions = List.of();

    private final Clock clock;

    SessionTimeline(CounsellingService service, SessionDraftService drafts, long caseId, @Nullable CaseType caseType, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.drafts = drafts;
        this.caseId = caseId;
        this.caseType = caseType;
        addClassName("session-timeline");
        refresh();
    }

    void openLogDialog() {
        new SessionDialog(service, drafts, caseId, caseType, null, sessions.isEmpty() ? null : sessions.get(0), clock, saved -> {
            refresh();
            // Its follow-up may have become the case's next action: the case page shows the case anew.
            if (saved.form().followUpOn() != null) {
                CasePageSection.caseChanged(caseId);
            }
        }).open();
    }

    void refresh() {
        removeAll();
        sessions = service.forCase(caseId);
        if (sessions.isEmpty()) {
            add(new Paragraph(getTranslation("session.none")));
            return;
        }
        add(new Paragraph(getTranslation("session.count", sessions.size(),
                sessions.stream().mapToInt(s -> s.form().durationMinutes() == null ? 0 : s.form().durationMinutes()).sum())));
        for (SessionDto s : sessions) {
            add(entry(s));
        }
    }

    private Div entry(SessionDto s) {
        Div box = new Div();
        box.addClassName("session-entry");
        box.add(new H3(new Anchor("sessions/" + s.id(), s.heldAt().format(SessionDialog.DATE_TIME))));
        describe(box, s);
        return box;
    }

    /** The session's facts and texts as paragraphs (shared with the session page). */
    static void describe(HasComponents box, SessionDto s) {
        SessionForm f = s.form();
        UI ui = UI.getCurrent();
        Function<String, String> t = ui::getTranslation;
        box.add(new Paragraph(ui.getTranslation("session.line", Staff.name(s.counsellor()), f.durationMinutes(),
                t.apply(Objects.requireNonNull(f.mode()).messageKey()),
                t.apply(Objects.requireNonNull(f.aidType()).messageKey()),
                f.topics().stream().map(topic -> t.apply(topic.messageKey())).sorted().collect(Collectors.joining(", ")))));
        if (f.interpreterUsed()) {
            // Who else was in the room, and in which language the person was counselled.
            Paragraph interpreter = new Paragraph(f.interpreterLanguage() == null || f.interpreterLanguage().isBlank()
                    ? t.apply("session.card.interpreterNoLanguage")
                    : ui.getTranslation("session.card.interpreter", f.interpreterLanguage()));
            interpreter.addClassName("session-interpreter");
            box.add(interpreter);
        }
        text(box, t.apply("session.summary"), f.summary());
        text(box, t.apply("session.outcome"), f.outcome());
        text(box, t.apply("session.nextSteps"), f.nextSteps());
        if (f.followUpOn() != null) {
            text(box, t.apply("session.followUpOn"), f.followUpOn().format(Formats.DATE)
                    + (s.followUpDone() ? " · " + t.apply("followups.done") : ""));
        }
        text(box, t.apply("session.confidentialNote"), f.confidentialNote());
    }

    private static void text(HasComponents box, String label, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            Paragraph p = new Paragraph();
            Span labelSpan = new Span(label + ": ");
            labelSpan.addClassName("fact-label");
            p.add(labelSpan, new Span(value));
            box.add(p);
        }
    }
}
