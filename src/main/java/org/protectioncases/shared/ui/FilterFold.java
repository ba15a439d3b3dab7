package org.protectioncases.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * A list's filters folded behind one "Filters" button on phones, so the data comes first. The
 * button and the folding exist only below 600 px (CSS in {@code styles/app.css}); wider screens
 * show the filters as before. Children marked with {@link #keep} (the name search, an "add"
 * button) stay visible when folded.
 */
public final class FilterFold {

    static final String OPEN = "filters-open";

    private FilterFold() {
    }

    /** Marks {@code filters} as foldable and returns the button that opens and closes it. */
    public static Button toggle(Component filters) {
        filters.addClassName("foldable-filters");
        Button button = new Button(filters.getTranslation("phone.filters"), VaadinIcon.FILTER.create());
        button.addClassName("filters-toggle");
        button.getElement().setAttribute("aria-expanded", "false");
        button.addClickListener(e -> {
            boolean open = !filters.hasClassName(OPEN);
            filters.setClassName(OPEN, open);
            button.getElement().setAttribute("aria-expanded", String.valueOf(open));
        });
        return button;
    }

    /** Keeps {@code child} of folded filters visible on phones. */
    public static void keep(Component child) {
        child.addClassName("filters-keep");
    }
}
