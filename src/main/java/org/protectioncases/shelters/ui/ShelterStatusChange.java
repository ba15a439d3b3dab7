package org.protectioncases.shelters.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.time.LocalDate;
import java.util.Map;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shelters.ShelterDetails;
import org.protectioncases.shelters.ShelterService;
import org.protectioncases.shelters.ShelterStatus;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Closing an open shelter, or reopening a closed one, on a day not in the future. A newer
 * version saved meanwhile is left alone ({@code conflict} says so on the page).
 */
class ShelterStatusChange extends Div {

    /** Closes or reopens the shelter with this id, version and day. */
    private interface Change {
        void apply(long id, long version, LocalDate day);
    }

    ShelterStatusChange(ShelterDetails d, ShelterService shelters, LocalDate today, Runnable reload, Runnable conflict) {
        boolean open = d.summary().status() == ShelterStatus.OPEN;
        String dayField = open ? "closedOn" : "reopenedOn";
        Change change = open ? shelters::close : shelters::reopen;
        DatePicker day = DateFields.date(getTranslation("shelter." + dayField), today);
        day.setMax(today);
        String action = open ? "shelter.close" : "shelter.reopen";
        Button button = new Button(getTranslation(action), e -> {
            try {
                change.apply(d.id(), d.version(), day.getValue());
                Notifications.success(getTranslation("shelter.saved"));
                reload.run();
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of(dayField, day), this);
            } catch (OptimisticLockingFailureException ex) {
                conflict.run();
            }
        });
        FlexLayout form = new FlexLayout(day, button);
        form.addClassName("filters");
        add(new H3(getTranslation(action)), form);
    }
}
