package org.protectioncases.cases.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import java.util.stream.Collectors;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseTransferService;
import org.protectioncases.cases.TransferDto;
import org.protectioncases.partners.PartnerDto;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.partners.PartnerType;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ui.shared.ConsentCapture;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;

/** Asks another partner to take the case over; the person's consent to transfer is required. */
class TransferDialog extends Dialog {

    TransferDialog(CaseDetails c, CaseTransferService transfers, PartnerService partners, CasePage page) {
        setHeaderTitle(getTranslation("transfer.request"));
        Select<PartnerDto> to = new Select<>();
        to.setLabel(getTranslation("transfer.to"));
        to.setItems(partners.directory().stream().filter(p -> p.id() != c.summary().owningPartner()
                && p.type() != PartnerType.UNHCR).toList());
        to.setItemLabelGenerator(p -> p.code() + " – " + p.name());
        TextArea reason = new TextArea(getTranslation("referral.reason"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(CaseTransferService.TRANSFER_REASON_MAX);
        Span consent = new Span();
        consent.addClassName("field-error");
        add(new FormLayout(to, reason), consent);
        Button send = new Button(getTranslation("transfer.send"), e -> {
            consent.setText("");
            try {
                transfers.requestTransfer(c.id(), c.version(), to.getValue() == null ? null : to.getValue().id(), reason.getValue());
                Notifications.success(getTranslation("transfer.requested"));
                close();
                page.reload(c.id());
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("toPartner", to, "reason", reason), this);
                String key = ex.fieldErrors().get("consent");
                if (key != null) {
                    consent.setText(getTranslation(key));
                    // Record the missing consent here, then send again with what was typed.
                    ConsentCapture.offer(c.summary().personId(), ConsentScope.TRANSFER, () -> e.getSource().click());
                }
            }
        });
        send.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), send);
    }

    /** The case's transfers, one line each: from, to, when, status. */
    static Component history(CaseDetails c, PartnerService partners) {
        Div panel = new Div();
        panel.addClassName("transfers");
        Map<Long, String> partnerCodes = partners.directory().stream().collect(Collectors.toMap(PartnerDto::id, PartnerDto::code));
        for (TransferDto t : c.transfers()) {
            panel.add(new Paragraph(panel.getTranslation("transfer.line", partnerCodes.getOrDefault(t.fromPartner(), "?"),
                    partnerCodes.getOrDefault(t.toPartner(), "?"), Formats.MOMENT.format(t.requestedAt()),
                    panel.getTranslation("transfer.status." + t.status()))));
        }
        return panel;
    }
}
