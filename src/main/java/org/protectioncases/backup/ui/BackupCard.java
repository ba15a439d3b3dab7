package org.protectioncases.backup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.protectioncases.backup.BackupResult;
import org.protectioncases.backup.BackupService;
import org.protectioncases.backup.BackupStatus;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.Notifications;

/**
 * The administrator's backup card on the home page: the last run (time, outcome, size), a warning
 * when no backup has been written for two days, the schedule, and "Back up now".
 */
public class BackupCard extends Div {

    private static final DateTimeFormatter TIME = Formats.DATE_TIME;
    private final BackupService service;
    private final Paragraph last = new Paragraph();
    private final Paragraph warning = new Paragraph();
    private final Paragraph schedule = new Paragraph();
    private final Paragraph encryption = new Paragraph();
    private final Button now = new Button();

    public BackupCard(BackupService service) {
        this.service = service;
        addClassName("backup-card");
        last.setId("backup-last");
        warning.setId("backup-warning");
        warning.addClassName("notice");
        now.setId("backup-now");
        now.setText(getTranslation("backup.now"));
        now.addThemeVariants(ButtonVariant.PRIMARY);
        now.setDisableOnClick(true);
        now.addClickListener(e -> backUpNow());
        add(new H3(getTranslation("backup.title")), last, warning, schedule, encryption, now);
        refresh();
    }

    private void backUpNow() {
        try {
            BackupResult r = service.backUpNow();
            switch (r.outcome()) {
                case CREATED -> Notifications.success(getTranslation("backup.done", r.file(), size(r.bytes()),
                        String.format(getLocale(), "%.1f", r.took().toMillis() / 1000.0)));
                case SKIPPED -> Notifications.error(getTranslation("backup.skipped"));
                case FAILED -> Notifications.error(getTranslation("backup.failed"));
            }
        } finally {
            now.setEnabled(true);
            refresh();
        }
    }

    private void refresh() {
        BackupStatus s = service.status();
        if (s.lastAt() == null || s.lastOutcome() == null) {
            last.setText(getTranslation("backup.never"));
        } else if (s.lastBytes() == null) {
            last.setText(getTranslation("backup.lastNoSize", time(s.lastAt()), getTranslation(s.lastOutcome().messageKey())));
        } else {
            last.setText(getTranslation("backup.last", time(s.lastAt()), getTranslation(s.lastOutcome().messageKey()),
                    size(s.lastBytes())));
        }
        warning.setVisible(s.stale());
        warning.setText(s.lastSuccessAt() == null ? getTranslation("backup.staleNever")
                : getTranslation("backup.stale", time(s.lastSuccessAt())));
        schedule.setText(s.scheduled() ? getTranslation("backup.scheduled", s.cron()) : getTranslation("backup.notScheduled"));
        encryption.setText(getTranslation(s.encrypted() ? "backup.encrypted" : "backup.notEncrypted"));
    }

    private static String time(Instant at) {
        return TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    private String size(long bytes) {
        Locale locale = getLocale();
        if (bytes < 1024 * 1024) {
            return String.format(locale, "%.1f KB", bytes / 1024.0);
        }
        return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
