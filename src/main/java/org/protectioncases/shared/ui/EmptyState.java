package org.protectioncases.shared.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;

/**
 * What an empty table or list says instead of bare headers ("No cases match these filters."), the
 * same look everywhere ({@code .empty-state} in app.css).
 */
public final class EmptyState {

    private EmptyState() {
    }

    /** Shows {@code text} inside the grid when it has no rows. */
    public static <T> Grid<T> on(Grid<T> grid, String text) {
        Paragraph message = paragraph(text);
        grid.setEmptyStateComponent(message);
        return grid;
    }

    /** A paragraph in the empty-state style, for lists that are not grids. */
    public static Paragraph paragraph(String text) {
        Paragraph message = new Paragraph(text);
        message.addClassName("empty-state");
        return message;
    }
}
