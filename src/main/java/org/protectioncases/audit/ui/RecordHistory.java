package org.protectioncases.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AccessLogEntry;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.Staff;

/**
 * The history parts every record page repeats: its "History" and "Access log" tabs, and the
 * message when someone saved the record after the page was opened (nothing was overwritten).
 */
public final class RecordHistory {

    private RecordHistory() {
    }

    /**
     * Adds {@code <prefix>.tab.history} and, when {@code accessLog} is given (the user may read it),
     * {@code <prefix>.tab.access}.
     */
    public static void addTabs(TabSheet tabs, String keyPrefix, List<AuditEventDto> history,
                               @Nullable Supplier<List<AccessLogEntry>> accessLog) {
        String historyLabel = tabs.getTranslation(keyPrefix + ".tab.history");
        tabs.add(historyLabel, AuditGrids.history(history, historyLabel));
        if (accessLog != null) {
            String accessLabel = tabs.getTranslation(keyPrefix + ".tab.access");
            tabs.add(accessLabel, AuditGrids.accessLog(accessLog.get(), accessLabel));
        }
    }

    /**
     * "Saved meanwhile by Feride Rushiti at 02.12.2026 14:55": {@code key} with the last entry's
     * author and time; the general stale-data text when the history has none.
     */
    public static String savedMeanwhile(Component translator, List<AuditEventDto> history, String key) {
        if (history.isEmpty()) {
            return translator.getTranslation("error.staleData");
        }
        AuditEventDto last = history.get(history.size() - 1);
        return translator.getTranslation(key, Staff.name(last.actor()), Formats.MOMENT.format(last.at()));
    }
}
