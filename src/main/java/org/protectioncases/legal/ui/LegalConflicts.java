package org.protectioncases.legal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.legal.ConflictDto;
import org.protectioncases.legal.ConflictService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.Staff;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The Legal tab's conflict-of-interest box: a warning while a possible conflict is open, each
 * match with its state, and (for those who may) the form that clears one with a reason.
 */
class LegalConflicts extends Div {

    private final CaseSummary c;
    private final ConflictService conflicts;
    private final boolean mayClear;
    private final Runnable refresh;

    LegalConflicts(CaseSummary c, ConflictService conflicts, boolean mayClear, Runnable refresh) {
        this.c = c;
        this.conflicts = conflicts;
        this.mayClear = mayClear;
        this.refresh = refresh;
        setId("legal-conflicts");
    }

    /** Shows the case's conflicts as they are now. */
    void reload() {
        show(conflicts.forCase(c.id()));
    }

    private void show(List<ConflictDto> all) {
        removeAll();
        List<ConflictDto> open = all.stream().filter(ConflictDto::open).toList();
        if (!open.isEmpty()) {
            Paragraph warning = new Paragraph(getTranslation("legal.conflict.openWarning"));
            warning.addClassName("conflict-warning");
            warning.getElement().setAttribute("role", "alert");
            add(warning);
        }
        for (ConflictDto k : all) {
            add(row(k));
        }
        if (!all.isEmpty()) {
            add(new Paragraph(getTranslation("legal.conflict.scope")));
        }
    }

    private Div row(ConflictDto k) {
        Div row = new Div();
        row.addClassName("conflict");
        Span badge = new Span(getTranslation(k.open() ? "legal.conflict.open" : "legal.conflict.cleared"));
        badge.getElement().getThemeList().add(k.open() ? "badge error" : "badge success");
        row.add(badge, new Span(" " + getTranslation("legal.conflict.match", k.checkedName(), k.matchedName(),
                getTranslation(k.matchedAs().messageKey()), k.matchedCaseNo(), Math.round(k.score() * 100))));
        if (!k.open()) {
            row.add(new Paragraph(getTranslation("legal.conflict.clearedBy", Staff.name(k.clearedBy()), Formats.dateTime(k.clearedAt()),
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
                    refresh.run();
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("reason", reason), this);
                } catch (OptimisticLockingFailureException ex) {
                    Notifications.error(getTranslation("legal.changedMeanwhile"));
                    refresh.run();
                }
            });
            clear.addClassName("conflict-clear");
            clear.addThemeVariants(ButtonVariant.PRIMARY);
            row.add(reason, clear);
        } else if (c.status() != CaseStatus.CLOSED) {
            row.add(new Paragraph(getTranslation("legal.conflict.askCoordinator")));
        }
        return row;
    }
}
