package org.protectioncases.people.ui;

import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.shared.i18n.Formats;

/** How birth dates of varying precision are shown: 12.03.1984, 03.1984 or ~1984. */
final class PeopleFormat {

    private PeopleFormat() {
    }

    static String birth(@Nullable LocalDate date, @Nullable BirthDatePrecision precision, Component translator) {
        if (date == null) {
            return translator.getTranslation("person.birthUnknown");
        }
        return switch (precision == null ? BirthDatePrecision.EXACT : precision) {
            case EXACT -> date.format(Formats.DATE);
            case MONTH -> date.format(Formats.MONTH_DATE);
            case YEAR -> "~" + date.getYear();
        };
    }
}
