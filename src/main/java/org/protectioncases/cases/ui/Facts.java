package org.protectioncases.cases.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

/** A list of labelled read-only values ("–" for a value not there), as the case page shows facts. */
class Facts extends Div {

    Facts() {
        addClassName("facts");
    }

    /** Adds a row: the translation of {@code labelKey} and the value. */
    Facts fact(String labelKey, @Nullable String value) {
        Div row = new Div(new Span(getTranslation(labelKey)), new Span(value == null || value.isBlank() ? "–" : value));
        row.addClassName("fact");
        add(row);
        return this;
    }
}
