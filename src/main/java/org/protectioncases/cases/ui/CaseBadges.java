package org.protectioncases.cases.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CaseStatus;

/**
 * A case status as a badge: each status its own colour (text contrast at least 4.5:1, see app.css
 * {@code .status-badge}) and always its name, so colour is never the only signal.
 */
final class CaseBadges {

    private CaseBadges() {
    }

    static Span status(CaseStatus status, @Nullable String outcome) {
        UI ui = UI.getCurrent();
        Span badge = new Span(ui.getTranslation(status.messageKey()) + (outcome == null ? "" : " – " + outcome));
        badge.addClassNames("status-badge", "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return badge;
    }
}
