package org.protectioncases.apitokens.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.protectioncases.apitokens.ApiTokenDto;
import org.protectioncases.apitokens.ApiTokenService;
import org.protectioncases.apitokens.ApiTokenStatus;
import org.protectioncases.apitokens.CreatedApiToken;
import org.protectioncases.apitokens.TokenOwner;
import org.protectioncases.security.SecondFactorService;
import org.protectioncases.security.ui.shared.SecondFactorDialog;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.Staff;

/**
 * UNHCR managers: the personal tokens of the reporting API (who holds which, until when, last
 * used), issuing a token (its secret shown once) and revoking one.
 */
@Route("api-tokens")
@RolesAllowed(Roles.UNHCR_MANAGER)
@Menu(order = 70, title = "apitoken.nav", icon = "vaadin:key")
public class ApiTokensView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = Formats.MOMENT;
    /** Expiry is a whole day: the token works until the end of the day before expiresAt. */
    private static final DateTimeFormatter DAY = Formats.DATE;

    final Grid<ApiTokenDto> grid = new Grid<>();
    final Button create = new Button();
    private final ApiTokenService tokens;
    private final SecondFactorService secondFactor;

    private final Clock clock;

    public ApiTokensView(ApiTokenService tokens, SecondFactorService secondFactor, Clock clock) {
        this.clock = clock;
        this.tokens = tokens;
        this.secondFactor = secondFactor;
        addClassName("page");
        create.setText(getTranslation("apitoken.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        // A token reads reports without a second factor, so creating one asks for a fresh code first.
        create.addClickListener(e -> {
            if (secondFactor.recentSecondFactorNeeded()) {
                new SecondFactorDialog(secondFactor, "mfa.stepUp.text", () -> new CreateDialog().open()).open();
            } else {
                new CreateDialog().open();
            }
        });

        grid.addColumn(t -> t.ownerName() + " (" + t.ownerUsername() + (t.ownerPartnerCode() == null ? "" : " · " + t.ownerPartnerCode()) + ")")
                .setHeader(getTranslation("apitoken.owner")).setKey("owner").setAutoWidth(true);
        grid.addColumn(ApiTokenDto::name).setHeader(getTranslation("apitoken.name")).setKey("name").setFlexGrow(1);
        grid.addColumn(t -> "pc_" + t.prefix() + "_…").setHeader(getTranslation("apitoken.prefix")).setKey("prefix").setAutoWidth(true);
        grid.addColumn(t -> TIME.format(t.createdAt()) + " · " + Staff.name(t.createdBy())).setHeader(getTranslation("apitoken.created"))
                .setKey("created").setAutoWidth(true);
        grid.addColumn(t -> DAY.format(lastDay(t.expiresAt()))).setHeader(getTranslation("apitoken.expires")).setKey("expires").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("apitoken.never") : TIME.format(t.lastUsedAt()))
                .setHeader(getTranslation("apitoken.lastUsed")).setKey("lastUsed").setAutoWidth(true);
        grid.addColumn(t -> getTranslation(t.status(Instant.now(clock)).messageKey())).setHeader(getTranslation("apitoken.status"))
                .setKey("status").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            Button revoke = new Button(getTranslation("apitoken.revoke"), e -> confirmRevoke(t));
            revoke.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            revoke.setAriaLabel(getTranslation("apitoken.revoke") + " pc_" + t.prefix());
            revoke.setVisible(t.status(Instant.now(clock)) == ApiTokenStatus.ACTIVE);
            return revoke;
        }).setHeader(getTranslation("common.actions")).setKey("actions").setAutoWidth(true);
        grid.setAriaLabel(getTranslation("apitoken.nav"));
        grid.setSizeFull();
        refresh();

        Anchor docs = new Anchor("swagger-ui/index.html", getTranslation("apitoken.docs"));
        docs.setTarget("_blank");
        HorizontalLayout toolbar = new HorizontalLayout(create, docs);
        toolbar.addClassName("toolbar");
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        add(new H2(getTranslation("apitoken.nav")), new Paragraph(getTranslation("apitoken.help")), toolbar, grid);
    }

    private static LocalDate lastDay(Instant expiresAt) {
        return expiresAt.atZone(ZoneId.systemDefault()).toLocalDate().minusDays(1);
    }

    /** A deployment has a handful of tokens; the whole list is loaded at once. */
    private void refresh() {
        grid.setItems(tokens.list());
    }

    private void confirmRevoke(ApiTokenDto token) {
        new RevokeDialog(token).open();
    }

    /** Revoking cuts a system off at once, so it is confirmed. */
    class RevokeDialog extends Dialog {
        final Button revoke = new Button(getTranslation("apitoken.revoke"));

        RevokeDialog(ApiTokenDto token) {
            setHeaderTitle(getTranslation("apitoken.revoke"));
            add(new Paragraph(getTranslation("apitoken.revoke.confirm", "pc_" + token.prefix(), token.name(), token.ownerName())));
            revoke.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
            revoke.addClickListener(e -> {
                tokens.revoke(token.id());
                Notifications.success(getTranslation("apitoken.revoked", "pc_" + token.prefix()));
                refresh();
                close();
            });
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), revoke);
        }
    }

    /** Owner, name and expiry (default 90 days); on success the secret is shown once. */
    class CreateDialog extends Dialog {
        final ComboBox<TokenOwner> owner = new ComboBox<>(getTranslation("apitoken.owner"));
        final TextField name = new TextField(getTranslation("apitoken.name"));
        final DatePicker expiresOn = DateFields.date(getTranslation("apitoken.expiresOn"));
        final Button save = new Button(getTranslation("apitoken.create"));

        CreateDialog() {
            setHeaderTitle(getTranslation("apitoken.create"));
            owner.setItems(tokens.owners());
            owner.setItemLabelGenerator(o -> o.fullName() + " (" + o.username() + " · " + getTranslation(o.role().messageKey())
                    + (o.partnerCode() == null ? "" : " · " + o.partnerCode()) + ")");
            owner.setRequiredIndicatorVisible(true);
            name.setRequiredIndicatorVisible(true);
            name.setMaxLength(ApiTokenService.MAX_NAME);
            name.setHelperText(getTranslation("apitoken.name.help"));
            LocalDate today = LocalDate.now(clock);
            expiresOn.setValue(today.plusDays(90));
            expiresOn.setMin(today.plusDays(1));
            expiresOn.setMax(today.plusYears(1));
            expiresOn.setRequiredIndicatorVisible(true);
            add(new FormLayout(owner, name, expiresOn));
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickListener(e -> {
                try {
                    CreatedApiToken created = tokens.create(owner.getValue() == null ? null : owner.getValue().id(), name.getValue(),
                            expiresOn.getValue());
                    close();
                    refresh();
                    new SecretDialog(created).open();
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("owner", owner, "name", name, "expiresOn", expiresOn), this);
                }
            });
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
            owner.focus();
        }
    }

    /** The only time the secret is visible: a read-only field to copy from, and a copy button. */
    class SecretDialog extends Dialog {
        final TextField secret = new TextField(getTranslation("apitoken.secret"));

        SecretDialog(CreatedApiToken created) {
            setHeaderTitle(getTranslation("apitoken.created.title"));
            setCloseOnOutsideClick(false);
            secret.setValue(created.secret());
            secret.setReadOnly(true);
            secret.setWidthFull();
            Button copy = new Button(getTranslation("apitoken.copy"), VaadinIcon.COPY.create(),
                    e -> secret.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", created.secret()));
            add(new Paragraph(getTranslation("apitoken.created.text")), secret);
            Button done = new Button(getTranslation("apitoken.close"), e -> close());
            done.addThemeVariants(ButtonVariant.PRIMARY);
            getFooter().add(copy, done);
            setWidth("40em");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("apitoken.nav") + " | " + getTranslation("app.name");
    }
}
