package org.protectioncases.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** Each demo user sees exactly the navigation of their role, and the header says who and where they are. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class NavigationByRoleTest extends SpringBrowserlessTest {

    private List<String> navigation() {
        navigate(HomeView.class);
        return find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    private List<String> header() {
        return find(Span.class).all().stream().map(Span::getText).toList();
    }

    @Test
    @WithUserDetails("admin")
    void adminSeesAdministrationButNoPeople() {
        assertThat(navigation()).containsExactly("Home", "Partner organisations", "User accounts", "Deadline rules", "Public holidays");
    }

    @Test
    @WithUserDetails("manager")
    void managerSeesNoAdministration() {
        assertThat(navigation()).containsExactly("Home", "People", "Cases", "Counselling sessions", "Monitoring visits", "Shelters",
                "Factsheet", "Population statistics", "Activity statistics", "API tokens", "Data protection");
        assertThat(header()).contains("Drita Berisha", "UNHCR manager · UNHCR");
    }

    @Test
    @WithUserDetails("coordinator.crpk")
    void coordinatorSeesNoAdministration() {
        // The coordinator's remembered language is Albanian.
        assertThat(navigation()).containsExactly("Ballina", "Ndjekjet e mia", "Seancat gjyqësore dhe afatet", "Shabllonet e dokumenteve", "Personat",
                "Importo", "Rastet",
                "Seancat e këshillimit", "Vizitat e monitorimit", "Strehimoret", "Fleta informative", "Statistikat e popullsisë",
                "Statistikat e aktiviteteve", "Mbrojtja e të dhënave");
    }

    @Test
    @WithUserDetails("lawyer.at")
    void lawyerSeesNoAdministrationAndTheirPartner() {
        assertThat(navigation()).containsExactly("Početna", "Moja praćenja", "Ročišta i rokovi", "Osobe", "Predmeti", "Sesije savetovanja",
                "Posete monitoringa", "Kolektivni centri", "Statistika aktivnosti");
        assertThat(header()).contains("Milica Jovanović").anyMatch(s -> s.endsWith("· AT"));
    }

    @Test
    @WithUserDetails("monitor.krct")
    void monitorSeesNoAdministration() {
        assertThat(navigation()).containsExactly("Ballina", "Ndjekjet e mia", "Personat", "Rastet", "Seancat e këshillimit",
                "Vizitat e monitorimit", "Strehimoret", "Statistikat e aktiviteteve");
        assertThat(header()).anyMatch(s -> s.endsWith("· KRCT"));
    }
}
