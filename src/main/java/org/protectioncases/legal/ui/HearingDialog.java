package org.protectioncases.legal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.util.Map;
import org.protectioncases.legal.CaseEventService;
import org.protectioncases.legal.EventForms;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;

/** The Legal tab's "Add hearing": date, time, court, room and a title. */
class HearingDialog extends Dialog {

    HearingDialog(long caseId, CaseEventService events, Runnable refresh) {
        setHeaderTitle(getTranslation("legal.hearing.add"));
        DatePicker date = DateFields.date(getTranslation("legal.event.date"));
        date.setId("hearing-date");
        TimePicker time = DateFields.time(getTranslation("legal.hearing.time"));
        time.setId("hearing-time");
        TextField place = new TextField(getTranslation("legal.hearing.place"));
        place.setMaxLength(EventForms.PLACE_MAX);
        place.setId("hearing-place");
        TextField room = new TextField(getTranslation("legal.hearing.room"));
        room.setMaxLength(EventForms.ROOM_MAX);
        room.setId("hearing-room");
        TextField title = new TextField(getTranslation("legal.event.title"));
        title.setMaxLength(EventForms.TITLE_MAX);
        add(new FormLayout(date, time, place, room, title));
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                events.addHearing(caseId, new EventForms.Hearing(date.getValue(), time.getValue(), place.getValue(), room.getValue(),
                        title.getValue()));
                Notifications.success(getTranslation("common.saved"));
                close();
                refresh.run();
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("date", date, "time", time, "place", place, "room", room, "title", title), this);
            }
        });
        save.setId("hearing-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }
}
