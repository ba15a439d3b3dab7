package org.protectioncases.legal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseUpdate;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.people.Community;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The agenda page as a coordinator: the partner's week with a lawyer's case next action, narrowed to
 * one lawyer and to another; a lawyer gets neither the partner's nor the lawyer filter.
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases.legal.ui")
class AgendaViewTest extends SpringBrowserlessTest {

    @Autowired
    TestRecords records;
    @Autowired
    CaseWorkflowService workflow;
    @Autowired
    SystemAccess system;
    @Autowired
    Clock clock;

    private CaseDetails lawyersCaseWithNextActionToday() {
        CaseDetails c = records.openCase("lawyer.crpk", person("Agenda", "Filtri", Sex.MALE, LocalDate.of(1977, 7, 7), Community.BOSNIAK, "PRI"),
                id -> new NewCase(id, CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL, "Agenda", null, null, null));
        return system.runAsAccount("lawyer.crpk", () -> workflow.update(c.id(), c.version(),
                new CaseUpdate(CasePriority.NORMAL, LocalDate.now(clock), "Agenda", null, null, null, null)));
    }

    @SuppressWarnings("unchecked")
    private <T> Select<T> select(String id) {
        return (Select<T>) byId(id);
    }

    /** By id, visible or not (the tester's queries find visible components only). */
    private static Component byId(String id) {
        return descendants(UI.getCurrent()).filter(c -> id.equals(c.getId().orElse(null))).findFirst().orElseThrow();
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(AgendaViewTest::descendants));
    }

    private List<String> weekLinks() {
        return find(Anchor.class, find(WeekCalendar.class).single()).all().stream().map(Anchor::getHref).toList();
    }

    @Test
    @WithUserDetails("coordinator.crpk")
    void aCoordinatorSeesThePartnersFollowUpsByLawyer() {
        CaseDetails c = lawyersCaseWithNextActionToday();
        String route = "cases/" + c.id();
        navigate(AgendaView.class);
        @SuppressWarnings("unchecked")
        ComboBox<UserAccountDto> lawyer = (ComboBox<UserAccountDto>) byId("agenda-lawyer");
        assertThat(lawyer.isVisible()).isFalse();
        select("agenda-view").setValue(AgendaView.Show.WEEK);
        // The coordinator's own week: not the lawyer's next action.
        assertThat(weekLinks()).doesNotContain(route);
        select("agenda-scope").setValue(true);
        assertThat(lawyer.isVisible()).isTrue();
        assertThat(weekLinks()).contains(route);
        List<UserAccountDto> staff = lawyer.getListDataView().getItems().toList();
        lawyer.setValue(staff.stream().filter(u -> u.username().equals("lawyer.crpk")).findFirst().orElseThrow());
        assertThat(weekLinks()).contains(route);
        lawyer.setValue(staff.stream().filter(u -> u.username().equals("coordinator.crpk")).findFirst().orElseThrow());
        assertThat(weekLinks()).doesNotContain(route);
        lawyer.clear();
        assertThat(weekLinks()).contains(route);
    }

    @Test
    @WithUserDetails("lawyer.crpk")
    void aLawyerSeesTheirOwnFollowUpsAndNoFilters() {
        CaseDetails c = lawyersCaseWithNextActionToday();
        navigate(AgendaView.class);
        assertThat(select("agenda-scope").isVisible()).isFalse();
        assertThat(byId("agenda-lawyer").isVisible()).isFalse();
        select("agenda-view").setValue(AgendaView.Show.WEEK);
        assertThat(weekLinks()).contains("cases/" + c.id());
    }
}
