package org.protectioncases.shared.ui;

import com.vaadin.flow.component.select.Select;

/**
 * A select's open list named for screen readers. Vaadin's select names its button (its label or
 * {@code setAriaLabel}) but not the list it opens ({@code vaadin-select-list-box}, a child element
 * the server creates), so axe reports the open list as a field without a name ("aria-input-field-name",
 * serious): seen on the login page right after a language was chosen, while the list was closing.
 */
public final class SelectNames {

    private SelectNames() {
    }

    /** Names the select and the list it opens {@code name}; returns the select. */
    public static <T> Select<T> named(Select<T> select, String name) {
        select.setAriaLabel(name);
        select.getElement().getChildren()
                .filter(child -> "vaadin-select-list-box".equals(child.getTag()))
                .forEach(list -> list.setAttribute("aria-label", name));
        return select;
    }
}
