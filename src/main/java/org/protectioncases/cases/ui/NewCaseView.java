package org.protectioncases.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.people.DocumentType;
import org.protectioncases.people.PersonFilter;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonSummary;
import org.protectioncases.security.Access;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.springframework.data.domain.PageRequest;

/** Opens a case for a person ({@code cases/new?person=ID}); lawyers open their own, coordinators assign. */
@Route("cases/new")
@RolesAllowed({Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER})
public class NewCaseView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final Select<CaseType> type = new Select<>();
    final Select<CasePriority> priority = new Select<>();
    final Select<DocumentType> document = new Select<>();
    final TextArea summary = new TextArea();
    final DatePicker openedOn = DateFields.date();
    final ComboBox<UserAccountDto> assignTo = new ComboBox<>();
    final Button save = new Button();

    private final CaseService cases;
    private final CaseWorkflowService workflow;
    private final UserAccountService accounts;
    private final Access access;

    private final PersonService people;
    private final Clock clock;

    public NewCaseView(CaseService cases, CaseWorkflowService workflow, UserAccountService accounts, Access access,
                       PersonService people, Clock clock) {
        this.people = people;
        this.clock = clock;
        this.cases = cases;
        this.workflow = workflow;
        this.accounts = accounts;
        this.access = access;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var personParameter = event.getLocation().getQueryParameters().getSingleParameter("person");
        if (personParameter.isEmpty()) {
            choosePerson();
            return;
        }
        Optional<Long> personId = personParameter.flatMap(NewCaseView::parse);
        Optional<String> label = personId.flatMap(cases::personForNewCase);
        if (label.isEmpty()) {
            add(new H2(getTranslation("person.notFound.title")), new Paragraph(getTranslation("person.notFound.text")));
            return;
        }
        long person = personId.get();
        type.setLabel(getTranslation("case.type"));
        type.setItems(CaseType.values());
        type.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        type.setValue(CaseType.CIVIL_DOCUMENTATION);
        priority.setLabel(getTranslation("case.priority"));
        priority.setItems(CasePriority.values());
        priority.setItemLabelGenerator(p -> getTranslation(p.messageKey()));
        priority.setValue(CasePriority.NORMAL);
        document.setLabel(getTranslation("case.documentSought"));
        document.setItems(DocumentType.values());
        document.setItemLabelGenerator(d -> getTranslation(d.messageKey()));
        type.addValueChangeListener(e -> document.setVisible(e.getValue() == CaseType.CIVIL_DOCUMENTATION));
        summary.setLabel(getTranslation("case.summary"));
        summary.setMaxLength(NewCase.SUMMARY_MAX);
        openedOn.setLabel(getTranslation("case.openedOn"));
        LocalDate today = LocalDate.now(clock);
        openedOn.setValue(today);
        openedOn.setMax(today);
        assignTo.setLabel(getTranslation("case.assignedTo"));
        boolean coordinator = access.may(Permission.LIST_CASEWORKERS);
        assignTo.setVisible(coordinator);
        if (coordinator) {
            assignTo.setItems(accounts.caseworkers());
            assignTo.setItemLabelGenerator(UserAccountDto::fullName);
        }
        FormLayout form = new FormLayout(type, priority, document, openedOn, assignTo, summary);
        form.setColspan(summary, 2);
        save.setText(getTranslation("case.open"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            try {
                CaseDetails opened = workflow.open(new NewCase(person, type.getValue(), priority.getValue(), summary.getValue(),
                        document.getValue(), assignTo.getValue() == null ? null : assignTo.getValue().username(), openedOn.getValue()));
                Notifications.success(getTranslation("case.opened", opened.summary().caseNo()));
                getUI().ifPresent(ui -> ui.navigate(CaseView.class, new RouteParameters("id", String.valueOf(opened.id()))));
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("openedOn", openedOn, "assignTo", assignTo, "summary", summary), this);
            }
        });
        Button cancel = new Button(getTranslation("common.cancel"), e -> getUI().ifPresent(ui -> ui.getPage().getHistory().back()));
        add(new H2(getTranslation("case.open")), new Paragraph(label.get()), form, new HorizontalLayout(cancel, save));
        type.focus();
    }

    /**
     * "New case" from the case list: first the person, found by name (fuzzy, as on the people list)
     * or registration number, paged in SQL as the user types.
     */
    private void choosePerson() {
        ComboBox<PersonSummary> person = new ComboBox<>(getTranslation("case.person"));
        person.setPlaceholder(getTranslation("case.new.personPlaceholder"));
        person.setHelperText(getTranslation("case.new.personHelp"));
        person.setItemLabelGenerator(p -> p.registrationNo() + " · " + p.givenName() + " " + p.familyName()
                + (p.birthDate() == null ? "" : " · " + p.birthDate().getYear()));
        person.setItems(query -> {
            String text = query.getFilter().orElse("").strip();
            if (text.length() < 2) {
                return Stream.empty();
            }
            boolean number = text.chars().anyMatch(Character::isDigit);
            var filter = new PersonFilter(number ? null : text, number ? text : null, null, null, null);
            return people.list(filter, PageRequest.of(query.getPage(), query.getPageSize())).stream();
        });
        person.setWidth("min(100%, 32em)");
        person.setRequiredIndicatorVisible(true);
        Button next = new Button(getTranslation("case.new.continue"), e -> {
            if (person.getValue() == null) {
                person.setErrorMessage(getTranslation("validation.required"));
                person.setInvalid(true);
                return;
            }
            long id = person.getValue().id();
            getUI().ifPresent(ui -> ui.navigate("cases/new",
                    QueryParameters.of("person", String.valueOf(id))));
        });
        next.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> getUI().ifPresent(ui -> ui.getPage().getHistory().back()));
        add(new H2(getTranslation("case.new")), new Paragraph(getTranslation("case.new.choosePerson")), person,
                new HorizontalLayout(cancel, next),
                new Paragraph(new Anchor("people/new", getTranslation("case.new.registerFirst"))));
        person.focus();
    }

    private static Optional<Long> parse(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("case.open") + " | " + getTranslation("app.name");
    }
}
