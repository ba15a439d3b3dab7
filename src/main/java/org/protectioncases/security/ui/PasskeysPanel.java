package org.protectioncases.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import org.protectioncases.security.PasskeyDto;
import org.protectioncases.security.PasskeyService;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.Notifications;

/**
 * The signed-in user's passkeys on the second-factor page: the list (name, added, last used),
 * removing one, and adding one under a name the user types. The browser creates the passkey
 * ({@code frontend/scripts/passkeys.js}, Spring Security's registration endpoints); shown only to
 * a sign-in that owes no second factor.
 */
class PasskeysPanel extends Div {

    private final PasskeyService passkeys;
    private final UnorderedList list = new UnorderedList();
    private final Paragraph none = new Paragraph();
    private final TextField label = new TextField();
    private final Button add = new Button();

    PasskeysPanel(PasskeyService passkeys) {
        this.passkeys = passkeys;
        addClassName("passkeys");
        list.addClassName("passkey-list");
        none.setText(getTranslation("mfa.passkeys.none"));
        label.setLabel(getTranslation("mfa.passkeys.label"));
        label.setHelperText(getTranslation("mfa.passkeys.labelHelp"));
        label.setMaxLength(PasskeyService.MAX_LABEL);
        label.setWidthFull();
        label.setId("passkey-label");
        add.setText(getTranslation("mfa.passkeys.add"));
        add.addClickListener(e -> register());
        add(new H2(getTranslation("mfa.passkeys.title")), new Paragraph(getTranslation("mfa.passkeys.text")), none, list, label, add);
        refresh();
    }

    private void register() {
        String name = label.getValue().strip();
        if (name.isEmpty() || name.length() > PasskeyService.MAX_LABEL || name.chars().anyMatch(Character::isISOControl)) {
            label.setErrorMessage(getTranslation("mfa.passkeys.labelRequired", PasskeyService.MAX_LABEL));
            label.setInvalid(true);
            label.focus();
            return;
        }
        label.setInvalid(false);
        add.setEnabled(false);
        getElement().executeJs("return window.pcPasskeys.register($0)", name).then(String.class, result -> {
            add.setEnabled(true);
            if ("ok".equals(result)) {
                label.clear();
                refresh();
                Notifications.success(getTranslation("mfa.passkeys.added", name));
            } else {
                label.setErrorMessage(getTranslation(switch (result) {
                    case "cancelled" -> "mfa.passkeys.cancelled";
                    case "unsupported" -> "mfa.passkeys.unsupported";
                    default -> "mfa.passkeys.failed";
                }));
                label.setInvalid(true);
            }
        }, error -> {
            add.setEnabled(true);
            label.setErrorMessage(getTranslation("mfa.passkeys.failed"));
            label.setInvalid(true);
        });
    }

    private void refresh() {
        list.removeAll();
        var mine = passkeys.mine();
        none.setVisible(mine.isEmpty());
        for (PasskeyDto passkey : mine) {
            Span name = new Span(passkey.label());
            name.addClassName("passkey-name");
            Span meta = new Span(getTranslation("mfa.passkeys.meta", Formats.dateTime(passkey.created()),
                    Formats.dateTime(passkey.lastUsed())));
            meta.addClassName("passkey-meta");
            Button remove = new Button(getTranslation("mfa.passkeys.remove"), e -> confirmRemove(passkey));
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setAriaLabel(getTranslation("mfa.passkeys.removeLabel", passkey.label()));
            ListItem item = new ListItem(new Div(name, meta), remove);
            item.addClassName("passkey");
            list.add(item);
        }
    }

    private void confirmRemove(PasskeyDto passkey) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("mfa.passkeys.removeTitle", passkey.label()));
        dialog.add(new Paragraph(getTranslation("mfa.passkeys.removeText")));
        Button confirm = new Button(getTranslation("mfa.passkeys.remove"), e -> {
            passkeys.remove(passkey.id());
            dialog.close();
            refresh();
            Notifications.success(getTranslation("mfa.passkeys.removed", passkey.label()));
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }
}
