package org.protectioncases.people.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonAnonymisationService;
import org.protectioncases.people.PersonFilter;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonSummary;
import org.protectioncases.people.PopulationGroup;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.security.Access;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.ui.FilterFold;
import org.protectioncases.shared.ui.KeysetPages;
import org.protectioncases.shared.validation.TextRules;

/** People of concern the user may see: fuzzy name search and filters, paged and counted in SQL. */
@Route("people")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
@Menu(order = 10, title = "nav.people", icon = "vaadin:user-card")
public class PeopleView extends Main implements HasDynamicTitle {

    final TextField name = new TextField();
    final TextField registrationNo = new TextField();
    final Select<Community> community = new Select<>();
    final ComboBox<ReferenceItem> municipality = new ComboBox<>();
    final Select<PopulationGroup> group = new Select<>();
    final Grid<PersonSummary> grid = new Grid<>();
    private final KeysetPages<PersonSummary> keyset = new KeysetPages<>(PersonSummary::id);
    final Button register = new Button();

    public PeopleView(PersonService people, ReferenceDataService reference, Access access) {
        addClassName("page");
        name.setLabel(getTranslation("person.search.name"));
        name.setHelperText(getTranslation("person.search.nameHelp"));
        name.setClearButtonVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.setMaxLength(TextRules.NAME_SEARCH);
        registrationNo.setLabel(getTranslation("person.registrationNo"));
        registrationNo.setClearButtonVisible(true);
        registrationNo.setValueChangeMode(ValueChangeMode.LAZY);
        registrationNo.setMaxLength(TextRules.REGISTRATION_NO);
        community.setLabel(getTranslation("person.community"));
        community.setItems(Community.values());
        community.setEmptySelectionAllowed(true);
        community.setEmptySelectionCaption(getTranslation("common.any"));
        community.setItemLabelGenerator(c -> c == null ? getTranslation("common.any") : getTranslation(c.messageKey()));
        var municipalities = reference.municipalities(getLocale());
        Map<String, String> municipalityNames = municipalities.stream().collect(Collectors.toMap(ReferenceItem::code, ReferenceItem::name));
        municipality.setLabel(getTranslation("person.municipality"));
        municipality.setItems(municipalities);
        municipality.setItemLabelGenerator(ReferenceItem::name);
        municipality.setClearButtonVisible(true);
        group.setLabel(getTranslation("person.group.current"));
        group.setItems(PopulationGroup.values());
        group.setEmptySelectionAllowed(true);
        group.setEmptySelectionCaption(getTranslation("common.any"));
        group.setItemLabelGenerator(g -> g == null ? getTranslation("common.any") : getTranslation(g.messageKey()));
        for (var field : new HasValue<?, ?>[] {name, registrationNo, community, municipality, group}) {
            field.addValueChangeListener(e -> {
                keyset.forget();
                grid.getDataProvider().refreshAll();
            });
        }

        grid.addColumn(PersonSummary::registrationNo).setHeader(getTranslation("person.registrationNo"))
                .setSortProperty("registrationNo").setAutoWidth(true);
        grid.addColumn(PersonSummary::familyName).setHeader(getTranslation("person.familyName")).setSortProperty("familyName").setAutoWidth(true);
        grid.addColumn(s -> s.registrationNo().startsWith(PersonAnonymisationService.TOKEN_PREFIX)
                ? getTranslation("dataprotection.anonymisedName") : s.givenName()).setHeader(getTranslation("person.givenName")).setSortProperty("givenName").setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.sex().messageKey())).setHeader(getTranslation("person.sex")).setAutoWidth(true);
        grid.addColumn(p -> PeopleFormat.birth(p.birthDate(), p.birthPrecision(), this)).setHeader(getTranslation("person.birthDate"))
                .setSortProperty("birthDate").setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.community().messageKey())).setHeader(getTranslation("person.community"))
                .setSortProperty("community").setAutoWidth(true);
        grid.addColumn(p -> p.municipalityCode() == null ? "" : municipalityNames.getOrDefault(p.municipalityCode(), p.municipalityCode()))
                .setHeader(getTranslation("person.municipality")).setSortProperty("municipalityCode").setFlexGrow(1);
        // No count: counting a partner's 400,000 people costs a scan on every refresh (see docs/benchmarks.md);
        // the grid grows as the user scrolls, and a page never reads more than its rows.
        // Pages continue after the last row already shown (keyset): a deep page costs its own rows only.
        grid.setItems(query -> {
            var page = VaadinSpringDataHelpers.toSpringPageRequest(query);
            if (page.getSort().isSorted()) {
                return people.list(filter(), page).stream();
            }
            return keyset.fetched(page.getOffset(), people.list(filter(), page, keyset.after(page.getOffset()))).stream();
        });
        grid.addItemClickListener(e -> getUI().ifPresent(ui ->
                ui.navigate(PersonView.class, new RouteParameters("id", String.valueOf(e.getItem().id())))));
        grid.setAriaLabel(getTranslation("nav.people"));
        grid.setSizeFull();

        register.setText(getTranslation("person.register"));
        register.setIcon(VaadinIcon.PLUS.create());
        register.addThemeVariants(ButtonVariant.PRIMARY);
        register.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PersonRegistrationView.class)));
        register.setVisible(access.may(Permission.EDIT_PEOPLE));

        FlexLayout filters = new FlexLayout(name, registrationNo, community, municipality, group, register);
        filters.addClassName("filters");
        // On a phone the name search and "register" stay; the other filters fold behind one button.
        FilterFold.keep(name);
        FilterFold.keep(register);
        add(new H2(getTranslation("nav.people")), FilterFold.toggle(filters), filters, grid);
    }

    PersonFilter filter() {
        return new PersonFilter(name.getValue(), registrationNo.getValue(), group.getValue(),
                municipality.getValue() == null ? null : municipality.getValue().code(), community.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.people") + " | " + getTranslation("app.name");
    }
}
