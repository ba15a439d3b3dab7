package org.protectioncases.legal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.legal.PublicHolidayDto;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The administrator's holiday page: a seeded year listed, a holiday added from the form (and a
 * second one on the same day refused next to the date), then removed after confirming. The day,
 * Thursday 15 March 2029, is no holiday in the seeded table and is gone again at the end.
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases.legal.ui")
class PublicHolidaysViewTest extends SpringBrowserlessTest {

    @SuppressWarnings("unchecked")
    private Grid<PublicHolidayDto> grid() {
        return (Grid<PublicHolidayDto>) find(Grid.class).withId("holidays").single();
    }

    @Test
    @WithUserDetails("admin")
    void administratorAddsAndRemovesAHoliday() {
        navigate(PublicHolidaysView.class);
        @SuppressWarnings("unchecked")
        Select<Integer> year = (Select<Integer>) find(Select.class).withId("holiday-year").single();
        year.setValue(2026);
        assertThat(test(grid()).size()).isGreaterThanOrEqualTo(12);
        assertThat(test(grid()).getRow(0).date()).isEqualTo(LocalDate.of(2026, 1, 1));

        LocalDate day = LocalDate.of(2029, 3, 15);
        DatePicker date = find(DatePicker.class).withId("holiday-date").single();
        TextField name = find(TextField.class).withId("holiday-name").single();
        date.setValue(day);
        name.setValue("Day off by government decision");
        test(find(Button.class).withId("holiday-add").single()).click();
        // The page shows the year of the holiday added.
        assertThat(year.getValue()).isEqualTo(2029);
        assertThat(grid().getGenericDataView().getItems().map(PublicHolidayDto::date)).contains(day);

        date.setValue(day);
        name.setValue("Again");
        test(find(Button.class).withId("holiday-add").single()).click();
        assertThat(date.isInvalid()).isTrue();
        assertThat(date.getErrorMessage()).isEqualTo("There is already a holiday on this day");

        int row = grid().getGenericDataView().getItems().map(PublicHolidayDto::date).toList().indexOf(day);
        Button remove = (Button) test(grid()).getCellComponent(row, 5);
        test(remove).click();
        test(find(Button.class).withId("holiday-remove-confirm").single()).click();
        assertThat(grid().getGenericDataView().getItems().map(PublicHolidayDto::date)).doesNotContain(day);
    }
}
