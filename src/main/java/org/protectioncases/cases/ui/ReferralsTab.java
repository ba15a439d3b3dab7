package org.protectioncases.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.ReferralDto;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.cases.ReferralStatus;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.cases.ui.shared.ReferralAnswerDialog;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ui.shared.ConsentCapture;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.EmptyState;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;

/** The case's referrals with their answers, and (while the case can be worked on) a form for a new one. */
class ReferralsTab extends Div {

    private final CaseDetails c;
    private final ReferralService referrals;
    private final CasePage page;

    ReferralsTab(CaseDetails c, ReferralService referrals, Clock clock, CasePage page) {
        this.c = c;
        this.referrals = referrals;
        this.page = page;
        Grid<ReferralDto> grid = new Grid<>();
        grid.addColumn(r -> getTranslation(r.target().messageKey())).setHeader(getTranslation("referral.target")).setAutoWidth(true);
        grid.addColumn(r -> r.referredOn().format(Formats.DATE)).setHeader(getTranslation("referral.date")).setAutoWidth(true);
        grid.addColumn(ReferralDto::reason).setHeader(getTranslation("referral.reason")).setFlexGrow(1);
        grid.addColumn(r -> getTranslation(r.status().messageKey())).setHeader(getTranslation("referral.status")).setAutoWidth(true);
        grid.addColumn(r -> r.responseOn() == null ? "" : r.responseOn().format(Formats.DATE))
                .setHeader(getTranslation("referral.responseOn")).setAutoWidth(true);
        if (c.editable()) {
            // A referral kept waiting when the case was closed can still get its answer.
            grid.addComponentColumn(r -> {
                if (r.status() != ReferralStatus.SENT && c.summary().status() == CaseStatus.CLOSED) {
                    return new Span();
                }
                Button answer = new Button(getTranslation("referral.recordAnswer"), e -> new ReferralAnswerDialog(r, LocalDate.now(clock),
                        (status, on) -> referrals.respond(r.id(), r.version(), status, on), () -> page.reload(c.id())).open());
                answer.addThemeVariants(ButtonVariant.TERTIARY);
                return answer;
            }).setAutoWidth(true);
        }
        grid.setItems(c.referrals());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("case.tab.referrals"));
        EmptyState.on(grid, getTranslation("case.referrals.none"));
        add(grid);
        if (c.workable()) {
            add(referralForm(LocalDate.now(clock)));
        }
    }

    private Div referralForm(LocalDate today) {
        ComboBox<ReferralTarget> target = new ComboBox<>(getTranslation("referral.target"));
        target.setItems(ReferralTarget.values());
        target.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        target.setRequiredIndicatorVisible(true);
        DatePicker date = DateFields.date(getTranslation("referral.date"), today);
        date.setMax(today);
        TextField reason = new TextField(getTranslation("referral.reason"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(ReferralService.REFERRAL_REASON_MAX);
        Span consent = new Span();
        consent.addClassName("field-error");
        Button refer = new Button(getTranslation("referral.send"), e -> {
            consent.setText("");
            if (target.isEmpty()) {
                FormErrors.show(new FieldValidationException("target", "validation.required"), Map.of("target", target), this);
                return;
            }
            try {
                referrals.refer(c.id(), c.version(), target.getValue(), date.getValue(), reason.getValue());
                Notifications.success(getTranslation("referral.sent"));
                page.reload(c.id());
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("referredOn", date, "reason", reason, "target", target), this);
                String key = ex.fieldErrors().get("consent");
                if (key != null) {
                    consent.setText(getTranslation(key));
                    // Record the missing consent here, then refer again with what was typed.
                    ConsentCapture.offer(c.summary().personId(), ConsentScope.REFERRAL, () -> e.getSource().click());
                }
            }
        });
        refer.addThemeVariants(ButtonVariant.PRIMARY);
        FlexLayout form = new FlexLayout(target, date, reason, refer);
        form.addClassName("filters");
        return new Div(form, consent);
    }
}
