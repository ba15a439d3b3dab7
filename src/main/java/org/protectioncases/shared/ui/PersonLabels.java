package org.protectioncases.shared.ui;

import com.vaadin.flow.component.UI;
import org.jspecify.annotations.Nullable;

/**
 * A person's label (name, or registration number and name) as shown: an anonymised person is
 * stored under one fixed English name, shown here in the reader's language.
 */
public final class PersonLabels {

    /** The name an anonymised person is stored under (people.PersonAnonymisationService writes it). */
    public static final String ANONYMISED = "Anonymised person";

    private PersonLabels() {
    }

    public static String shown(@Nullable String label) {
        if (label == null) {
            return "";
        }
        if (!label.contains(ANONYMISED)) {
            return label;
        }
        UI ui = UI.getCurrent();
        return label.replace(ANONYMISED, ui == null ? ANONYMISED : ui.getTranslation("dataprotection.anonymisedName")).strip();
    }
}
