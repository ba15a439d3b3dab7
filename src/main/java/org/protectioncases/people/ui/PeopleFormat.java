package org.protectioncases.people.ui;

import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.protectioncases.people.BirthDatePrecision;

/** How birth dates of varying precision are shown: 12.03.1984, 03.1984 or ~1984. */
final class PeopleFormat {

    private PeopleFormat() {
    }

    static String birth(@Nullable LocalDate date, @Nullable BirthDatePrecision precision, Component translator) {
        if (date == null) {
            return translator.getTranslation("person.birthUnknown");
        }
        return switch (precision == null ? BirthDatePrecision.EXACT : precision) {
            case EXACT -> date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
            case MONTH -> date.format(DateTimeFormatter.ofPattern("MM.yyyy"));
            case YEAR -> "~" + date.getYear();
        };
    }
}
