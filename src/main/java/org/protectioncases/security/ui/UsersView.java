package org.protectioncases.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.protectioncases.partners.PartnerDto;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.security.NewUserAccount;
import org.protectioncases.security.SecondFactorService;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.validation.TextRules;

/** ADMIN: user accounts. Create, edit, enable/disable, reset password. Paged in SQL. */
@Route("admin/users")
@RolesAllowed(Roles.ADMIN)
@Menu(order = 91, title = "nav.users", icon = "vaadin:users")
public class UsersView extends Main implements HasDynamicTitle {

    final TextField filter = new TextField();
    final Grid<UserAccountDto> grid = new Grid<>();
    final Button add = new Button();
    final Button policy = new Button();
    private final UserAccountService accounts;
    private final PartnerService partnerService;
    private final SecondFactorService secondFactor;

    public UsersView(UserAccountService accounts, PartnerService partnerService, SecondFactorService secondFactor) {
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.partnerService = partnerService;
        addClassName("page");
        Map<Long, String> partnerCodes = partnerService.listActive().stream()
                .collect(Collectors.toMap(PartnerDto::id, PartnerDto::code));
        filter.setPlaceholder(getTranslation("common.filter"));
        filter.setAriaLabel(getTranslation("common.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setMaxLength(TextRules.FILTER);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add.setText(getTranslation("user.new"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(e -> new Editor(null).open());

        grid.addColumn(UserAccountDto::username).setHeader(getTranslation("user.username")).setKey("username").setSortProperty("username").setAutoWidth(true);
        grid.addColumn(UserAccountDto::fullName).setHeader(getTranslation("user.fullName")).setKey("fullName").setSortProperty("fullName").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(u -> getTranslation(u.role().messageKey())).setHeader(getTranslation("user.role")).setKey("role").setSortProperty("role").setAutoWidth(true);
        grid.addColumn(u -> u.partnerId() == null ? "" : partnerCodes.getOrDefault(u.partnerId(), "#" + u.partnerId()))
                .setHeader(getTranslation("user.partner")).setKey("partner").setAutoWidth(true);
        grid.addColumn(u -> getTranslation(!u.enabled() ? "user.status.disabled" : u.locked() ? "user.status.locked" : "user.status.active"))
                .setHeader(getTranslation("user.status")).setKey("status").setSortProperty("enabled").setAutoWidth(true);
        grid.addComponentColumn(u -> {
            Button edit = new Button(getTranslation("common.edit"), e -> new Editor(u).open());
            edit.addThemeVariants(ButtonVariant.TERTIARY);
            edit.setAriaLabel(getTranslation("common.edit") + " " + u.username());
            Button reset = new Button(getTranslation("user.resetPassword"), e -> new PasswordDialog(u).open());
            reset.addThemeVariants(ButtonVariant.TERTIARY);
            reset.setAriaLabel(getTranslation("user.resetPassword") + " " + u.username());
            Button resetFactor = new Button(getTranslation("mfa.reset"), e -> new ResetSecondFactorDialog(u).open());
            resetFactor.addThemeVariants(ButtonVariant.TERTIARY);
            resetFactor.setAriaLabel(getTranslation("mfa.reset") + " " + u.username());
            return new HorizontalLayout(edit, reset, resetFactor);
        }).setHeader(getTranslation("common.actions")).setAutoWidth(true);
        grid.setItems(query -> accounts.list(filter.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setAriaLabel(getTranslation("nav.users"));
        grid.setSizeFull();

        policy.setText(getTranslation("mfa.policy"));
        policy.setIcon(VaadinIcon.KEY.create());
        policy.addClickListener(e -> new PolicyDialog().open());
        HorizontalLayout toolbar = new HorizontalLayout(filter, add, policy);
        toolbar.addClassName("toolbar");
        add(new H2(getTranslation("nav.users")), toolbar, grid);
    }

    /** Create (user == null) or edit an account. */
    class Editor extends Dialog {
        final TextField username = new TextField(getTranslation("user.username"));
        final TextField fullName = new TextField(getTranslation("user.fullName"));
        final EmailField email = new EmailField(getTranslation("user.email"));
        final Select<Role> role = new Select<>();
        final ComboBox<PartnerDto> partner = new ComboBox<>(getTranslation("user.partner"));
        final Select<Language> language = new Select<>();
        final Checkbox enabled = new Checkbox(getTranslation("user.enabled"));
        final PasswordField password = new PasswordField(getTranslation("user.password"));
        final Button save = new Button(getTranslation("common.save"));

        Editor(UserAccountDto user) {
            boolean creating = user == null;
            setHeaderTitle(getTranslation(creating ? "user.new" : "user.edit"));
            List<PartnerDto> partners = partnerService.listActive();
            Map<Long, PartnerDto> byId = partners.stream().collect(Collectors.toMap(PartnerDto::id, Function.identity()));

            username.setRequiredIndicatorVisible(true);
            username.setHelperText(getTranslation("user.usernameHelp"));
            username.setMaxLength(TextRules.USERNAME);
            fullName.setRequiredIndicatorVisible(true);
            fullName.setMaxLength(UserAccountDto.FULL_NAME_MAX);
            email.setMaxLength(UserAccountDto.EMAIL_MAX);
            password.setMaxLength(TextRules.PASSWORD);
            role.setLabel(getTranslation("user.role"));
            role.setItems(Role.values());
            role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
            role.setRequiredIndicatorVisible(true);
            partner.setItems(partners);
            partner.setItemLabelGenerator(p -> p.code() + " – " + p.name());
            partner.setHelperText(getTranslation("user.partnerHelp"));
            language.setLabel(getTranslation("user.language"));
            language.setItems(Language.values());
            language.setItemLabelGenerator(Language::nativeName);
            password.setHelperText(getTranslation("password.help"));
            password.setRequiredIndicatorVisible(true);
            role.addValueChangeListener(e -> partner.setEnabled(e.getValue() == null || e.getValue().needsPartner()));

            FormLayout form = new FormLayout();
            if (creating) {
                role.setValue(Role.PARTNER_LAWYER);
                language.setValue(Language.EN);
                form.add(username, fullName, email, role, partner, language, password);
            } else {
                username.setValue(user.username());
                username.setReadOnly(true);
                fullName.setValue(user.fullName());
                email.setValue(user.email() == null ? "" : user.email());
                role.setValue(user.role());
                partner.setValue(user.partnerId() == null ? null : byId.get(user.partnerId()));
                language.setValue(Language.fromCode(user.language()).orElse(Language.EN));
                enabled.setValue(user.enabled());
                form.add(username, fullName, email, role, partner, language, enabled);
            }
            add(form);

            Map<String, HasValidation> fields = new HashMap<>();
            fields.put("username", username);
            fields.put("fullName", fullName);
            fields.put("email", email);
            fields.put("role", role);
            fields.put("partner", partner);
            fields.put("language", language);
            fields.put("password", password);
            fields.put("enabled", new CheckboxValidation(enabled));

            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickShortcut(Key.ENTER);
            save.addClickListener(e -> {
                Long partnerId = partner.getValue() == null ? null : partner.getValue().id();
                String lang = language.getValue() == null ? "" : language.getValue().code();
                try {
                    UserAccountDto saved = creating
                            ? accounts.create(new NewUserAccount(username.getValue(), fullName.getValue(), email.getValue(),
                                    role.getValue(), partnerId, lang, password.getValue()))
                            : accounts.update(new UserAccountDto(user.id(), user.username(), fullName.getValue(), email.getValue(),
                                    role.getValue(), partnerId, lang, enabled.getValue(), user.locked(), user.version()));
                    Notifications.success(getTranslation("user.saved", saved.username()));
                    grid.getDataProvider().refreshAll();
                    close();
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, fields, this);
                }
            });
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
            (creating ? username : fullName).focus();
        }
    }

    /** The admin sets a new password (e.g. after a lockout or a forgotten password). */
    class PasswordDialog extends Dialog {
        final PasswordField password = new PasswordField(getTranslation("user.newPassword"));
        final Button save = new Button(getTranslation("common.save"));

        PasswordDialog(UserAccountDto user) {
            setHeaderTitle(getTranslation("user.resetPasswordFor", user.username()));
            password.setHelperText(getTranslation("password.help"));
            password.setRequiredIndicatorVisible(true);
            password.setWidthFull();
            password.setMaxLength(TextRules.PASSWORD);
            add(password);
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickShortcut(Key.ENTER);
            save.addClickListener(e -> {
                try {
                    accounts.resetPassword(user.id(), password.getValue());
                    Notifications.success(getTranslation("user.passwordReset", user.username()));
                    grid.getDataProvider().refreshAll();
                    close();
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("password", password), this);
                }
            });
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
            password.focus();
        }
    }

    /** Removes a user's authenticator and recovery codes; the user is signed out and enrols again. */
    class ResetSecondFactorDialog extends Dialog {
        final Button confirm = new Button(getTranslation("mfa.reset"));

        ResetSecondFactorDialog(UserAccountDto user) {
            setHeaderTitle(getTranslation("mfa.reset.title", user.username()));
            add(new Paragraph(getTranslation("mfa.reset.text")));
            confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
            confirm.addClickListener(e -> {
                secondFactor.reset(user.id());
                Notifications.success(getTranslation("mfa.reset.done", user.username()));
                close();
            });
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), confirm);
        }
    }

    /** Which roles must sign in with a second factor (audited). */
    class PolicyDialog extends Dialog {
        final Map<Role, Checkbox> roles = new EnumMap<>(Role.class);
        final Button save = new Button(getTranslation("common.save"));

        PolicyDialog() {
            setHeaderTitle(getTranslation("mfa.policy"));
            add(new Paragraph(getTranslation("mfa.policy.text")));
            Map<Role, Boolean> current = secondFactor.policy();
            for (Role role : Role.values()) {
                Checkbox box = new Checkbox(getTranslation(role.messageKey()), current.get(role));
                roles.put(role, box);
                add(new Div(box));
            }
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickListener(e -> {
                roles.forEach((role, box) -> {
                    if (!box.getValue().equals(current.get(role))) {
                        secondFactor.setRequired(role, box.getValue());
                    }
                });
                Notifications.success(getTranslation("mfa.policy.saved"));
                close();
            });
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
        }
    }

    /** Lets a checkbox error (e.g. "you cannot disable yourself") show like any other field error. */
    private final class CheckboxValidation implements HasValidation {
        private final Checkbox box;
        private boolean invalid;

        CheckboxValidation(Checkbox box) {
            this.box = box;
        }

        @Override
        public void setErrorMessage(String errorMessage) {
            box.getElement().setProperty("errorMessage", errorMessage == null ? "" : errorMessage);
        }

        @Override
        public String getErrorMessage() {
            return box.getElement().getProperty("errorMessage", "");
        }

        @Override
        public void setInvalid(boolean invalid) {
            this.invalid = invalid;
            box.getElement().setProperty("invalid", invalid);
        }

        @Override
        public boolean isInvalid() {
            return invalid;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users") + " | " + getTranslation("app.name");
    }
}
