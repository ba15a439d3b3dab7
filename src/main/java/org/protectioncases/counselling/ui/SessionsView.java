package org.protectioncases.counselling.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionFilter;
import org.protectioncases.counselling.SessionRow;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.security.Access;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FilterFold;
import org.protectioncases.shared.ui.PersonLabels;
import org.protectioncases.shared.ui.Staff;

/**
 * The partner's counselling sessions (all partners' for UNHCR managers), newest first, filtered by
 * counsellor, dates, type of legal aid and topic; paged and counted in SQL.
 */
@Route("sessions")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
@Menu(order = 25, title = "nav.sessions", icon = "vaadin:comments-o")
public class SessionsView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter DATE_TIME = SessionDialog.DATE_TIME;

    final ComboBox<UserAccountDto> counsellor = new ComboBox<>();
    final DatePicker from = DateFields.date();
    final DatePicker to = DateFields.date();
    final Select<LegalAidType> aidType = new Select<>();
    final Select<SessionTopic> topic = new Select<>();
    final Grid<SessionRow> grid = new Grid<>();

    public SessionsView(CounsellingService service, Access access, UserAccountService accounts) {
        addClassName("page");
        boolean coordinator = access.may(Permission.LIST_CASEWORKERS);
        counsellor.setLabel(getTranslation("session.counsellor"));
        counsellor.setClearButtonVisible(true);
        counsellor.setVisible(coordinator);
        if (coordinator) {
            counsellor.setItems(accounts.caseworkers());
            counsellor.setItemLabelGenerator(UserAccountDto::fullName);
        }
        from.setLabel(getTranslation("session.filter.from"));
        to.setLabel(getTranslation("session.filter.to"));
        aidType.setLabel(getTranslation("session.aidType"));
        aidType.setItems(LegalAidType.values());
        aidType.setEmptySelectionAllowed(true);
        aidType.setEmptySelectionCaption(getTranslation("common.any"));
        aidType.setItemLabelGenerator(t -> t == null ? getTranslation("common.any") : getTranslation(t.messageKey()));
        topic.setLabel(getTranslation("session.topic"));
        topic.setItems(SessionTopic.values());
        topic.setEmptySelectionAllowed(true);
        topic.setEmptySelectionCaption(getTranslation("common.any"));
        topic.setItemLabelGenerator(t -> t == null ? getTranslation("common.any") : getTranslation(t.messageKey()));
        for (HasValue<?, ?> field : new HasValue<?, ?>[] {counsellor, from, to, aidType, topic}) {
            field.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }

        grid.addColumn(r -> r.heldAt().format(DATE_TIME)).setHeader(getTranslation("session.heldAt")).setAutoWidth(true);
        grid.addColumn(SessionRow::caseNo).setHeader(getTranslation("case.number")).setAutoWidth(true);
        grid.addColumn(r -> PersonLabels.shown(r.personLabel())).setHeader(getTranslation("case.person")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(r -> Staff.name(r.counsellor())).setHeader(getTranslation("session.counsellor")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.aidType().messageKey())).setHeader(getTranslation("session.aidType")).setAutoWidth(true);
        grid.addColumn(r -> r.topics().stream().map(t -> getTranslation(t.messageKey())).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("session.topics")).setFlexGrow(1);
        grid.addColumn(SessionRow::durationMinutes).setHeader(getTranslation("session.duration")).setAutoWidth(true);
        grid.setItems(query -> service.list(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, service.count(filter())));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("sessions/" + e.getItem().id())));
        grid.setAriaLabel(getTranslation("nav.sessions"));
        grid.setSizeFull();

        FlexLayout filters = new FlexLayout(counsellor, from, to, aidType, topic);
        filters.addClassName("filters");
        add(new H2(getTranslation("nav.sessions")), FilterFold.toggle(filters), filters, grid);
    }

    SessionFilter filter() {
        return new SessionFilter(counsellor.getValue() == null ? null : counsellor.getValue().username(), from.getValue(), to.getValue(),
                aidType.getValue(), topic.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.sessions") + " | " + getTranslation("app.name");
    }
}
