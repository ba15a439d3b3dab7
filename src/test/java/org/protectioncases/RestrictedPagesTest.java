package org.protectioncases;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.ui.CaseView;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.ui.SessionView;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.ui.PersonView;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.RestrictedRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The pages as a UNHCR manager sees them (browserless): the person's needs and History tabs, the
 * case's History tab and the session's history show nothing of an SGBV need or a confidential note,
 * not even that one was recorded or changed. The holding partner's coordinator sees those entries.
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class RestrictedPagesTest extends SpringBrowserlessTest {

    @Autowired
    PersonService people;
    @Autowired
    PersonFileService personFiles;
    @Autowired
    CaseWorkflowService caseWorkflow;
    @Autowired
    CounsellingService sessions;
    @Autowired
    SystemAccess system;

    RestrictedRecord record;

    @BeforeEach
    void createRecord() {
        record = RestrictedRecord.create(system, people, personFiles, caseWorkflow, sessions);
    }

    /** Every cell of the grid labelled {@code ariaLabel} on the tab of that name (if the page has tabs). */
    private String gridText(Component view, String label) {
        find(TabSheet.class).all().forEach(tabs -> find(Tab.class).from(tabs).all().stream()
                .filter(t -> t.getLabel().equals(label)).findFirst().ifPresent(tabs::setSelectedTab));
        roundTrip();
        // As Grid<?>: on a raw Grid, getAriaLabel() is a raw Optional (an unchecked call).
        Grid<?> grid = find(Grid.class).all().stream().<Grid<?>>map(g -> g).filter(g -> g.getAriaLabel().filter(label::equals).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("no grid " + label + " on " + view.getClass().getSimpleName()));
        var tester = test(grid);
        List<String> cells = new ArrayList<>();
        for (int row = 0; row < tester.size(); row++) {
            for (int column = 0; column < grid.getColumns().size(); column++) {
                cells.add(tester.getCellText(row, column));
            }
        }
        return String.join(" | ", cells);
    }

    private List<String> tells(Component view) {
        List<String> tells = new ArrayList<>(record.secrets());
        tells.addAll(List.of(view.getTranslation("need.SGBV_SURVIVOR"), view.getTranslation("need.restricted"),
                view.getTranslation("audit.CASE_CONFIDENTIAL_NOTE"), view.getTranslation("audit.SESSION_CONFIDENTIAL_NOTE"),
                view.getTranslation("session.topic.SGBV"), view.getTranslation("audit.SESSION_RESTRICTED_TOPICS"), "SGBV",
                "restricted need", "confidential note"));
        return tells;
    }

    private void assertNoTell(Component view, String text) {
        assertThat(text).isNotBlank();
        for (String tell : tells(view)) {
            assertThat(text).as(view.getClass().getSimpleName()).doesNotContain(tell);
        }
    }

    @Test
    @WithUserDetails("manager")
    void theManagerSeesNoRestrictedEntryOnAnyPage() {
        PersonView person = navigate("people/" + record.personId(), PersonView.class);
        String needs = gridText(person, person.getTranslation("person.tab.needs"));
        assertThat(needs).contains(person.getTranslation("need.DISABILITY"));
        assertNoTell(person, needs);
        String personHistory = gridText(person, person.getTranslation("person.tab.history"));
        assertThat(personHistory).contains(person.getTranslation("audit.NEED_RECORDED"));
        assertNoTell(person, personHistory);
        // The hub's summary card does not even flag that there is a restricted need (issue #13).
        assertThat(person.getElement().getTextRecursively()).doesNotContain(person.getTranslation("person.hub.restricted"));

        CaseView c = navigate("cases/" + record.caseId(), CaseView.class);
        assertNoTell(c, gridText(c, c.getTranslation("case.tab.history")));

        SessionView s = navigate("sessions/" + record.sessionId(), SessionView.class);
        String sessionHistory = gridText(s, s.getTranslation("case.tab.history"));
        assertThat(sessionHistory).contains("Duration (minutes): 45 → 60"); // the field's label, in the reader's language
        assertNoTell(s, sessionHistory);
        // The session's own text (topics, summary) on the page.
        String page = s.getElement().getTextRecursively();
        assertThat(page).contains(s.getTranslation("session.topic.CIVIL_DOCUMENTATION"));
        assertNoTell(s, page);
    }

    @Test
    @WithUserDetails("coordinator.crpk")
    void theHoldingPartnersCoordinatorSeesThem() {
        PersonView person = navigate("people/" + record.personId(), PersonView.class);
        assertThat(gridText(person, person.getTranslation("person.tab.needs"))).contains(person.getTranslation("need.SGBV_SURVIVOR"));
        // The restricted need's entry, in the reader's language, names the need for those who may see it.
        assertThat(gridText(person, person.getTranslation("person.tab.history")))
                .contains(person.getTranslation("history.person.need", person.getTranslation("need.SGBV_SURVIVOR")));
        assertThat(person.getElement().getTextRecursively()).contains(person.getTranslation("person.hub.restricted"));
        CaseView c = navigate("cases/" + record.caseId(), CaseView.class);
        assertThat(gridText(c, c.getTranslation("case.tab.history"))).contains(c.getTranslation("audit.CASE_CONFIDENTIAL_NOTE"));
        SessionView s = navigate("sessions/" + record.sessionId(), SessionView.class);
        assertThat(gridText(s, s.getTranslation("case.tab.history"))).contains(s.getTranslation("audit.SESSION_CONFIDENTIAL_NOTE"),
                s.getTranslation("audit.SESSION_RESTRICTED_TOPICS"));
        assertThat(s.getElement().getTextRecursively()).contains(s.getTranslation("session.topic.SGBV"));
    }
}
