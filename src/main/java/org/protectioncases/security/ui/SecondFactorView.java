package org.protectioncases.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.protectioncases.security.PasskeyService;
import org.protectioncases.security.SecondFactorCheck;
import org.protectioncases.security.SecondFactorService;
import org.protectioncases.security.SecondFactorStatus;
import org.protectioncases.security.TotpEnrolment;
import org.springframework.core.env.Environment;

/**
 * The second step of signing in, and the only page a sign-in that owes its second factor can
 * open: enrol an authenticator app (QR code or key, confirmed by a first code, then ten recovery
 * codes shown once), or type a code from it (or a recovery code), or use a passkey. After passing,
 * the page offers new recovery codes and the user's passkeys (add, remove).
 */
@Route(value = "second-factor", autoLayout = false)
@PermitAll
@JavaScript("context://scripts/passkeys.js")
public class SecondFactorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final SecondFactorService secondFactor;
    private final PasskeyService passkeys;
    private final AuthenticationContext authentication;
    private final Div content = new Div();
    /** Passkeys can be switched off ({@code app.security.passkeys.enabled}, on by default). */
    private final boolean passkeysEnabled;

    public SecondFactorView(SecondFactorService secondFactor, PasskeyService passkeys, AuthenticationContext authentication,
                            Environment environment) {
        this.passkeysEnabled = environment.getProperty("app.security.passkeys.enabled", Boolean.class, true);
        this.secondFactor = secondFactor;
        this.passkeys = passkeys;
        this.authentication = authentication;
        addClassNames("login-view", "second-factor-view");
        content.addClassName("second-factor-card");
        Button signOut = new Button(getTranslation("header.logout"), e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        signOut.addClassName("second-factor-signout");
        add(new H1(getTranslation("app.name")), content, signOut);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SecondFactorStatus status = secondFactor.status();
        if (status.passed()) {
            showManage(status);
        } else if (status.enrolled() || status.passkey()) {
            showVerify(status);
        } else {
            showEnrolment(secondFactor.startEnrolment(), status);
        }
    }

    private void showEnrolment(TotpEnrolment enrolment, SecondFactorStatus status) {
        boolean required = status.required();
        content.removeAll();
        Image qr = new Image(enrolment.qrCodeDataUrl(), getTranslation("mfa.enrol.qrAlt"));
        qr.addClassName("second-factor-qr");
        Span secret = new Span(enrolment.secret());
        secret.addClassName("totp-secret");
        secret.setId("totp-secret");
        TextField code = codeField();
        Button confirm = new Button(getTranslation("mfa.enrol.confirm"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        confirm.addClickListener(e -> {
            List<String> recovery = secondFactor.confirmEnrolment(code.getValue());
            if (recovery.isEmpty()) {
                wrong(code);
            } else {
                showRecoveryCodes(recovery, true);
            }
        });
        content.add(new H2(getTranslation("mfa.enrol.title")),
                new Paragraph(getTranslation(required ? "mfa.enrol.required" : "mfa.enrol.optional")),
                new Paragraph(getTranslation("mfa.enrol.scan")), qr,
                new Paragraph(new Span(getTranslation("mfa.enrol.key") + " "), secret),
                code, confirm);
        if (status.complete() && passkeysEnabled) {
            // Nothing owed (the role requires no second factor): passkeys may be added right here.
            content.add(new PasskeysPanel(passkeys));
        }
        code.focus();
    }

    private void showVerify(SecondFactorStatus status) {
        content.removeAll();
        content.add(new H2(getTranslation(status.enrolled() ? "mfa.verify.title" : "mfa.passkey.title")));
        if (status.enrolled()) {
            showCode();
        }
        if (status.passkey()) {
            showPasskey(!status.enrolled());
        }
    }

    /** The second factor by passkey: the browser asks for one of this account's passkeys. */
    private void showPasskey(boolean only) {
        Paragraph failed = new Paragraph();
        failed.addClassName("passkey-error");
        failed.getElement().setAttribute("role", "alert");
        failed.setVisible(false);
        Button use = new Button(getTranslation("mfa.passkey.use"));
        use.setId("use-passkey");
        if (only) {
            use.addThemeVariants(ButtonVariant.PRIMARY);
        }
        use.addClickListener(e -> {
            use.setEnabled(false);
            getElement().executeJs("return window.pcPasskeys.signIn()").then(String.class, result -> {
                use.setEnabled(true);
                if (result.startsWith("ok")) {
                    // The passkey was added to this sign-in (and the session id changed): load the app afresh.
                    UI.getCurrent().getPage().setLocation(LoginView.localTarget(result.substring(2).replaceFirst("^:", "")));
                } else {
                    String reason = "unsupported".equals(result) ? "mfa.passkeys.unsupported" : "mfa.passkey.failed";
                    failed.setText(getTranslation(reason));
                    failed.setVisible(true);
                }
            }, error -> {
                use.setEnabled(true);
                failed.setText(getTranslation("mfa.passkey.failed"));
                failed.setVisible(true);
            });
        });
        content.add(new Paragraph(getTranslation(only ? "mfa.passkey.verifyOnly" : "mfa.passkey.verifyText")), use, failed);
        if (only) {
            use.focus();
        }
    }

    private void showCode() {
        TextField code = codeField();
        code.setHelperText(getTranslation("mfa.verify.help"));
        Button verify = new Button(getTranslation("mfa.verify.submit"));
        verify.addThemeVariants(ButtonVariant.PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        verify.addClickListener(e -> {
            SecondFactorCheck result = secondFactor.verify(code.getValue());
            switch (result) {
                case PASSED -> UI.getCurrent().navigate("");
                case WRONG -> wrong(code);
                // The lock has ended this session: back to the login page, which says no more than for a wrong password.
                case LOCKED -> UI.getCurrent().getPage().setLocation("login?error");
            }
        });
        content.add(new Paragraph(getTranslation("mfa.verify.text")), code, verify);
        code.focus();
    }

    private void showRecoveryCodes(List<String> codes, boolean afterEnrolment) {
        content.removeAll();
        UnorderedList list = new UnorderedList();
        list.addClassName("recovery-codes");
        codes.forEach(c -> list.add(new ListItem(c)));
        Button next = new Button(getTranslation("mfa.continue"), e -> UI.getCurrent().navigate(""));
        next.addThemeVariants(ButtonVariant.PRIMARY);
        content.add(new H2(getTranslation("mfa.recovery.title")),
                new Paragraph(getTranslation(afterEnrolment ? "mfa.enrol.done" : "mfa.recovery.new")),
                new Paragraph(getTranslation("mfa.recovery.text", SecondFactorService.RECOVERY_CODES)), list, next);
        next.focus();
    }

    private void showManage(SecondFactorStatus status) {
        content.removeAll();
        Button regenerate = new Button(getTranslation("mfa.recovery.regenerate"),
                e -> showRecoveryCodes(secondFactor.regenerateRecoveryCodes(), false));
        Button back = new Button(getTranslation("mfa.continue"), e -> UI.getCurrent().navigate(""));
        back.addThemeVariants(ButtonVariant.PRIMARY);
        content.add(new H2(getTranslation("mfa.manage.title")));
        if (status.enrolled()) {
            content.add(new Paragraph(getTranslation("mfa.manage.text", status.recoveryCodesLeft())), regenerate);
        }
        if (passkeysEnabled) {
            content.add(new PasskeysPanel(passkeys));
        }
        content.add(back);
    }

    private TextField codeField() {
        TextField code = new TextField(getTranslation("mfa.code"));
        code.setMaxLength(SecondFactorService.MAX_CODE);
        code.setRequiredIndicatorVisible(true);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "text");
        code.setWidthFull();
        return code;
    }

    private void wrong(TextField code) {
        code.setErrorMessage(getTranslation("mfa.code.wrong"));
        code.setInvalid(true);
        code.clear();
        code.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mfa.title") + " | " + getTranslation("app.name");
    }
}
