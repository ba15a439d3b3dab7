package org.protectioncases.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/**
 * What every record page (person, case, visit, shelter, session) shows when the record is not
 * there or not the user's to see: the same words either way, so "not found" reveals nothing.
 */
public final class RecordPage {

    private RecordPage() {
    }

    /** Replaces the page's content with {@code <prefix>.notFound.title} and {@code <prefix>.notFound.text}. */
    public static <T extends Component & HasComponents> void notFound(T page, String keyPrefix) {
        page.removeAll();
        page.add(new H2(page.getTranslation(keyPrefix + ".notFound.title")), new Paragraph(page.getTranslation(keyPrefix + ".notFound.text")));
    }
}
