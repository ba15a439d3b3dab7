package org.protectioncases.reports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.protectioncases.reports.factsheet.Figure;
import org.protectioncases.shared.i18n.Formats;

/** A factsheet figure as the factsheet page shows it (number, provenance, share, tile), in the page's language. */
final class FigureTexts {

    private FigureTexts() {
    }

    /** The page's language as {@code Component.getLocale()} finds it (the UI's), for helpers outside the component. */
    static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.getDefault() : ui.getLocale();
    }

    static String number(Component page, Figure figure) {
        BigDecimal value = figure.value();
        return value == null ? page.getTranslation("factsheet.notAvailable") : Formats.integers(locale()).format(value);
    }

    static String provenance(Component page, Figure figure) {
        return page.getTranslation(figure.provenance().messageKey()) + (figure.source() == null ? "" : ": " + figure.source());
    }

    /** A share after a label: " (62.0 %)", or nothing if there is none. */
    static String percent(Component page, @Nullable Double value) {
        return value == null ? "" : " (" + Formats.percent(locale(), value) + ")";
    }

    static Div tile(Component page, Figure figure, String label) {
        Span value = new Span(number(page, figure));
        Span caption = new Span(label);
        Span source = new Span(provenance(page, figure));
        source.addClassName("tile-source");
        Div tile = new Div(value, caption, source);
        tile.addClassName("tile");
        return tile;
    }
}
