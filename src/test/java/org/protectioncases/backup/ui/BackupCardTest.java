package org.protectioncases.backup.ui;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.protectioncases.partners.ui.PartnersView;
import org.protectioncases.shell.ui.HomeView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

/** The administrator's home page shows the last backup, warns when it is old, and backs up on demand. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class BackupCardTest extends SpringBrowserlessTest {

    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    @Test
    @WithUserDetails("admin")
    void theLastBackupIsShownWithAWarningWhenOlderThanTwoDaysAndBackUpNowClearsIt() {
        Instant threeDaysAgo = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("insert into audit_event (occurred_at, actor, action, entity_type, entity_id, details)"
                        + " values (:at, 'system', 'BACKUP_CREATED', 'backup', 'protection-cases-old.zip', 'bytes=3145728; rows=9; ms=5')")
                .param("at", java.sql.Timestamp.from(threeDaysAgo)).update();
        String when = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(threeDaysAgo.atZone(ZoneId.systemDefault()));

        navigate(PartnersView.class); // the home page was opened before the row existed: open it anew
        navigate(HomeView.class);
        assertThat(find(Paragraph.class).id("backup-last").getText()).isEqualTo("Last backup run: " + when + " · written · 3.0 MB");
        Paragraph warning = find(Paragraph.class).id("backup-warning");
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).isEqualTo("Warning: the last backup written is older than two days (" + when + ").");

        test(find(Button.class).id("backup-now")).click();

        assertThat(find(Notification.class).all()).anyMatch(n -> test(n).getText().startsWith("Backup written: protection-cases-"));
        // the warning is hidden now, so the query (visible components only) no longer finds it
        assertThat(find(Paragraph.class).all()).noneMatch(p -> p.getId().filter("backup-warning"::equals).isPresent());
        assertThat(find(Paragraph.class).id("backup-last").getText()).startsWith("Last backup run: ").contains(" · written · ")
                .endsWith(" MB");
        assertThat(find(Button.class).id("backup-now").isEnabled()).isTrue();
    }

    @Test
    @WithUserDetails("manager")
    void otherRolesHaveNoBackupCard() {
        navigate(HomeView.class);
        assertThat(find(BackupCard.class).all()).isEmpty();
    }
}
