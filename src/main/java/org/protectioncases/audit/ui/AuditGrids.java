package org.protectioncases.audit.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.protectioncases.audit.AccessLogEntry;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.EmptyState;
import org.protectioncases.shared.ui.Staff;

/**
 * A record's history (who changed what) and access log (who opened it) as tables, the same on
 * every record page. The caller fetches the rows through its own secured service.
 */
public final class AuditGrids {

    private static final DateTimeFormatter TIME = Formats.MOMENT;

    private AuditGrids() {
    }

    public static Grid<AuditEventDto> history(List<AuditEventDto> events, String ariaLabel) {
        UI ui = UI.getCurrent();
        Grid<AuditEventDto> grid = new Grid<>();
        grid.addColumn(h -> TIME.format(h.at())).setHeader(ui.getTranslation("access.when")).setAutoWidth(true);
        grid.addColumn(h -> Staff.name(h.actor())).setHeader(ui.getTranslation("access.who")).setAutoWidth(true);
        grid.addColumn(h -> ui.getTranslation("audit." + h.action())).setHeader(ui.getTranslation("history.action")).setAutoWidth(true);
        grid.addColumn(h -> details(ui, h)).setHeader(ui.getTranslation("history.details")).setFlexGrow(3);
        // The changes are the point of the table: they wrap rather than end in "…".
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(events);
        grid.setAllRowsVisible(true);
        EmptyState.on(grid, ui.getTranslation("history.none"));
        grid.setAriaLabel(ariaLabel);
        return grid;
    }

    /** An entry's details: in the reader's language when written as a message, otherwise as written (usernames as names). */
    static String details(UI ui, AuditEventDto h) {
        if (h.messageKey() == null) {
            return Staff.inText(h.details());
        }
        List<String> args = h.messageArgs().stream().map(a -> argument(ui, a)).toList();
        if (AuditMessage.CHANGES.equals(h.messageKey())) {
            // In threes: label, old value, new value.
            List<String> changes = new ArrayList<>();
            for (int i = 0; i + 2 < args.size(); i += 3) {
                changes.add(args.get(i) + ": " + args.get(i + 1) + " → " + args.get(i + 2));
            }
            return String.join("; ", changes);
        }
        return ui.getTranslation(h.messageKey(), args.toArray());
    }

    /** Message keys translated, escaped text unescaped, usernames in text as names. */
    private static String argument(UI ui, String a) {
        if (a.startsWith(AuditMessage.ESCAPE)) {
            return a.substring(AuditMessage.ESCAPE.length());
        }
        if (a.startsWith(AuditMessage.KEYS)) {
            return a.length() == 1 ? AuditMessage.NONE : Arrays.stream(a.substring(1).split(",")).map(ui::getTranslation)
                    .collect(Collectors.joining(", "));
        }
        return Staff.inText(a);
    }

    public static Grid<AccessLogEntry> accessLog(List<AccessLogEntry> entries, String ariaLabel) {
        UI ui = UI.getCurrent();
        Grid<AccessLogEntry> grid = new Grid<>();
        grid.addColumn(a -> TIME.format(a.at())).setHeader(ui.getTranslation("access.when")).setAutoWidth(true);
        grid.addColumn(a -> Staff.name(a.username())).setHeader(ui.getTranslation("access.who")).setAutoWidth(true);
        grid.addColumn(a -> ui.getTranslation(a.granted() ? "access.granted" : "access.refused"))
                .setHeader(ui.getTranslation("access.result")).setFlexGrow(1);
        grid.setItems(entries);
        grid.setAllRowsVisible(true);
        EmptyState.on(grid, ui.getTranslation("access.none"));
        grid.setAriaLabel(ariaLabel);
        return grid;
    }
}
