package org.protectioncases.security.ui.shared;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.protectioncases.security.SecondFactorService;
import org.protectioncases.security.ui.SecondFactorView;

/**
 * Asks for a fresh code before a sensitive step (creating an API token), then runs the step. A
 * user with no authenticator is sent to set one up first.
 */
public class SecondFactorDialog extends Dialog {

    final TextField code = new TextField();
    final Button verify = new Button();

    public SecondFactorDialog(SecondFactorService secondFactor, String reasonKey, Runnable then) {
        setHeaderTitle(getTranslation("mfa.stepUp.title"));
        if (!secondFactor.status().enrolled()) {
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
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), verify);
        code.focus();
    }
}
