package org.protectioncases.counselling.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionDto;
import org.protectioncases.counselling.SessionForm;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.people.Community;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Issue 13: a new history entry is stored as a message key with its arguments and shown in the
 * reader's language (no English text, no code values such as OUTREACH); entries written before as
 * text are shown as they are.
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class SessionHistoryLanguageTest extends SpringBrowserlessTest {

    @Autowired
    CounsellingService sessions;
    @Autowired
    SystemAccess system;
    @Autowired
    TestRecords records;

    @Test
    @WithUserDetails("lawyer.krct")
    void aLoggedSessionIsDescribedInTheReadersLanguage() {
        CaseDetails c = records.openCase("lawyer.krct", person("History", "Person", Sex.FEMALE, LocalDate.of(1980, 5, 6),
                Community.ROMA, null), id -> new NewCase(id, CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL, null, null, null,
                LocalDate.now().minusDays(10)));
        LocalDateTime heldAt = LocalDateTime.now().minusDays(1).withHour(9).withMinute(30).withSecond(0).withNano(0);
        SessionDto s = system.runAsAccount("lawyer.krct", () -> sessions.log(c.id(), new SessionForm(heldAt, 80, SessionMode.OUTREACH,
                LegalAidType.COUNSELLING, EnumSet.of(SessionTopic.CIVIL_DOCUMENTATION), Set.of(), false, null,
                "Explained", null, null, null, null)));

        UI.getCurrent().setLocale(Locale.forLanguageTag("sq"));
        String albanian = loggedEntry(s.id());
        UI ui = UI.getCurrent();
        assertThat(albanian).startsWith("Rasti " + c.summary().caseNo() + ": mbajtur më " + heldAt.toLocalDate().format(
                java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) + " 09:30, 80 min, ")
                .contains(ui.getTranslation(SessionMode.OUTREACH.messageKey()), ui.getTranslation(LegalAidType.COUNSELLING.messageKey()),
                        ui.getTranslation(SessionTopic.CIVIL_DOCUMENTATION.messageKey()))
                .doesNotContain("OUTREACH", "COUNSELLING", "CIVIL_DOCUMENTATION", "topics");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        assertThat(loggedEntry(s.id())).startsWith("Case " + c.summary().caseNo() + ": held ").contains("Outreach").doesNotContain("OUTREACH");
        // The English text stays the entry's details (log, exports, subject access).
        assertThat(system.runAsAccount("lawyer.krct", () -> sessions.history(s.id()))).filteredOn(h -> h.action().equals("SESSION_LOGGED"))
                .singleElement().satisfies(h -> assertThat(h.details()).contains("OUTREACH"));
    }

    private String loggedEntry(long sessionId) {
        SessionView view = navigate("sessions/" + sessionId, SessionView.class);
        @SuppressWarnings("unchecked")
        Grid<AuditEventDto> history = find(Grid.class).from(view).all().stream()
                .filter(g -> view.getTranslation("case.tab.history").equals(g.getAriaLabel().orElse(null)))
                .findFirst().orElseThrow();
        var grid = test(history);
        for (int row = 0; row < grid.size(); row++) {
            if (grid.getRow(row).action().equals("SESSION_LOGGED")) {
                return grid.getCellText(row, 3);
            }
        }
        throw new AssertionError("no SESSION_LOGGED entry");
    }
}
