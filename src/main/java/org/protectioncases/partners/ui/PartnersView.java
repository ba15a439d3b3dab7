package org.protectioncases.partners.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.protectioncases.partners.PartnerDto;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.partners.PartnerType;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.validation.TextRules;

/** ADMIN: the partner organisations (code, name, type, active). Paged in SQL. */
@Route("admin/partners")
@RolesAllowed(Roles.ADMIN)
@Menu(order = 90, title = "nav.partners", icon = "vaadin:building")
public class PartnersView extends Main implements HasDynamicTitle {

    final TextField filter = new TextField();
    final Grid<PartnerDto> grid = new Grid<>();
    final Button add = new Button();
    private final PartnerService partners;

    public PartnersView(PartnerService partners) {
        this.partners = partners;
        addClassName("page");
        filter.setPlaceholder(getTranslation("common.filter"));
        filter.setAriaLabel(getTranslation("common.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setMaxLength(TextRules.FILTER);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add.setText(getTranslation("partner.new"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(e -> openEditor(PartnerDto.blank()));

        grid.addColumn(PartnerDto::code).setHeader(getTranslation("partner.code")).setKey("code").setSortProperty("code").setAutoWidth(true);
        grid.addColumn(PartnerDto::name).setHeader(getTranslation("partner.name")).setKey("name").setSortProperty("name").setFlexGrow(1);
        grid.addColumn(p -> getTranslation(p.type().messageKey())).setHeader(getTranslation("partner.type")).setKey("type").setSortProperty("type").setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.active() ? "common.yes" : "common.no")).setHeader(getTranslation("partner.active")).setKey("active").setSortProperty("active").setAutoWidth(true);
        grid.addComponentColumn(p -> {
            Button edit = new Button(getTranslation("common.edit"), e -> openEditor(p));
            edit.addThemeVariants(ButtonVariant.TERTIARY);
            edit.setAriaLabel(getTranslation("common.edit") + " " + p.code());
            return edit;
        }).setHeader(getTranslation("common.actions")).setAutoWidth(true);
        grid.setItems(query -> partners.list(filter.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setAriaLabel(getTranslation("nav.partners"));
        grid.setSizeFull();

        HorizontalLayout toolbar = new HorizontalLayout(filter, add);
        toolbar.addClassName("toolbar");
        add(new H2(getTranslation("nav.partners")), toolbar, grid);
    }

    void openEditor(PartnerDto partner) {
        new Editor(partner).open();
    }

    /** The create/edit dialog. Errors appear next to their fields; nothing is saved until all pass. */
    class Editor extends Dialog {
        final TextField code = new TextField(getTranslation("partner.code"));
        final TextField name = new TextField(getTranslation("partner.name"));
        final Select<PartnerType> type = new Select<>();
        final Checkbox active = new Checkbox(getTranslation("partner.active"));
        final Button save = new Button(getTranslation("common.save"));

        Editor(PartnerDto partner) {
            setHeaderTitle(getTranslation(partner.id() == null ? "partner.new" : "partner.edit"));
            code.setRequiredIndicatorVisible(true);
            code.setMaxLength(PartnerDto.CODE_MAX);
            code.setHelperText(getTranslation("partner.codeHelp"));
            code.setValue(partner.code());
            name.setRequiredIndicatorVisible(true);
            name.setMaxLength(PartnerDto.NAME_MAX);
            name.setValue(partner.name());
            type.setLabel(getTranslation("partner.type"));
            type.setItems(PartnerType.values());
            type.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
            type.setValue(partner.type());
            active.setValue(partner.active());
            FormLayout form = new FormLayout(code, name, type, active);
            add(form);
            Map<String, TextField> fields = Map.of("code", code, "name", name);
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickShortcut(Key.ENTER);
            save.addClickListener(e -> {
                try {
                    PartnerDto saved = partners.save(new PartnerDto(partner.id(), code.getValue(), name.getValue(),
                            type.getValue(), active.getValue(), partner.version()));
                    Notifications.success(getTranslation("partner.saved", saved.code()));
                    grid.getDataProvider().refreshAll();
                    close();
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, fields, this);
                }
            });
            Button cancel = new Button(getTranslation("common.cancel"), e -> close());
            getFooter().add(cancel, save);
            code.focus();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.partners") + " | " + getTranslation("app.name");
    }
}
