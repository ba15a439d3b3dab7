package org.protectioncases.security.ui.shared;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.protectioncases.security.SecondFactorService;
import org.protectioncases.security.SecondFactorStatus;
import org.protectioncases.security.ui.SecondFactorView;

/**
 * Asks for a fresh second factor before a sensitive step (creating an API token), then runs the
 * step: a code from the authenticator app, or one of the user's passkeys
 * ({@code frontend/scripts/passkeys.js}; the passkey is added afresh to the sign-in). A user with
 * neither is sent to set up the app first.
 */
@JavaScript("context://scripts/passkeys.js")
public class SecondFactorDialog extends Dialog {

    final TextField code = new TextField();
    final Button verify = new Button();
    final Button passkey = new Button();
    final Paragraph passkeyError = new Paragraph();

    public SecondFactorDialog(SecondFactorService secondFactor, String reasonKey, Runnable then) {
        setHeaderTitle(getTranslation("mfa.stepUp.title"));
        SecondFactorStatus status = secondFactor.status();
        if (!status.enrolled() && status.passkey()) {
            add(new Paragraph(getTranslation("mfa.stepUp.passkeyOnly")));
            addPasskey(secondFactor, then, true);
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()));
            return;
        }
        if (!status.enrolled()) {
            Button enrol = new Button(getTranslation("mfa.stepUp.enrolButton"), e -> {
                close();
                UI.getCurrent().navigate(SecondFactorView.class);
            });
            enrol.addThemeVariants(ButtonVariant.PRIMARY);
            add(new Paragraph(getTranslation("mfa.stepUp.enrol")));
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), enrol);
            return;
        }
        code.setLabel(getTranslation("mfa.code"));
        code.setMaxLength(SecondFactorService.MAX_CODE);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setWidthFull();
        verify.setText(getTranslation("mfa.verify.submit"));
        verify.addThemeVariants(ButtonVariant.PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        verify.addClickListener(e -> {
            switch (secondFactor.verify(code.getValue())) {
                case PASSED -> {
                    close();
                    then.run();
                }
                case WRONG -> {
                    code.setErrorMessage(getTranslation("mfa.code.wrong"));
                    code.setInvalid(true);
                    code.clear();
                    code.focus();
                }
                case LOCKED -> UI.getCurrent().getPage().setLocation("login?error");
            }
        });
        add(new Paragraph(getTranslation(reasonKey)), code);
        if (status.passkey()) {
            add(new Paragraph(getTranslation("mfa.passkey.verifyText")));
            addPasskey(secondFactor, then, false);
        }
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), verify);
        code.focus();
    }

    /** The passkey way: the browser asks for one of this account's passkeys (Spring's /login/webauthn adds it to the sign-in). */
    private void addPasskey(SecondFactorService secondFactor, Runnable then, boolean only) {
        passkey.setText(getTranslation("mfa.passkey.use"));
        passkey.setId("step-up-passkey");
        if (only) {
            passkey.addThemeVariants(ButtonVariant.PRIMARY);
        }
        passkeyError.addClassName("passkey-error");
        passkeyError.getElement().setAttribute("role", "alert");
        passkeyError.setVisible(false);
        passkey.addClickListener(e -> {
            passkey.setEnabled(false);
            getElement().executeJs("return window.pcPasskeys.signIn()").then(String.class, result -> {
                passkey.setEnabled(true);
                // Trust only the server's view of the sign-in, not the script's answer.
                if (result.startsWith("ok") && !secondFactor.recentSecondFactorNeeded()) {
                    close();
                    then.run();
                } else {
                    String reason = "unsupported".equals(result) ? "mfa.passkeys.unsupported" : "mfa.passkey.failed";
                    passkeyError.setText(getTranslation(reason));
                    passkeyError.setVisible(true);
                }
            });
        });
        add(passkey, passkeyError);
        if (only) {
            passkey.focus();
        }
    }
}
