package org.protectioncases.followups.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;
import org.protectioncases.followups.FollowUpService;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * "My follow-ups" reads today from the injected clock (#18): a follow-up due on 14.03.2026 is due
 * today at 23:59 that evening and overdue one second after midnight, in the office's zone, and the
 * list asks for what is due up to today plus the window, counted from the clock's day. No waiting for
 * midnight.
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases.followups.ui")
class FollowUpListClockTest extends SpringBrowserlessTest {

    static final ZoneId PRISHTINA = ZoneId.of("Europe/Belgrade");
    static final LocalDate DUE = LocalDate.of(2026, 3, 14);

    private static Clock at(int day, int hour, int minute, int second) {
        return Clock.fixed(ZonedDateTime.of(2026, 3, day, hour, minute, second, 0, PRISHTINA).toInstant(), PRISHTINA);
    }

    private static Span dueBadge(FollowUpList list) {
        Component row = list.getChildren().findFirst().orElseThrow();
        return (Span) row.getChildren().findFirst().orElseThrow();
    }

    @Test
    void aFollowUpIsDueUntilMidnightAndOverdueTheSecondAfter() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        FollowUpService service = mock(FollowUpService.class);
        when(service.mine(any(), anyInt())).thenReturn(List.of(
                new FollowUp(FollowUpKind.CASE, 1, DUE, "PC-2026-0001 · Test", "", "cases/1")));

        Span lastMinute = dueBadge(new FollowUpList(service, at(14, 23, 59, 0), 14, 10));
        assertThat(lastMinute.getText()).isEqualTo("14.03.2026 · 0 days left");
        assertThat(lastMinute.getElement().getAttribute("theme")).doesNotContain("error");
        verify(service).mine(LocalDate.of(2026, 3, 28), 10);

        Span afterMidnight = dueBadge(new FollowUpList(service, at(15, 0, 0, 1), 14, 10));
        assertThat(afterMidnight.getText()).isEqualTo("14.03.2026 · overdue");
        assertThat(afterMidnight.getElement().getAttribute("theme")).contains("error");
        verify(service).mine(LocalDate.of(2026, 3, 29), 10);
    }
}
