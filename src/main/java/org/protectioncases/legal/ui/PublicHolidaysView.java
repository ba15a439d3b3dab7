package org.protectioncases.legal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.protectioncases.legal.PublicHolidayDto;
import org.protectioncases.legal.PublicHolidayService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;

/** The administrator's Kosovo public holidays, year by year: the days working-day deadlines skip. */
@Route("admin/holidays")
@RolesAllowed(Roles.ADMIN)
@Menu(order = 94, title = "nav.holidays", icon = "vaadin:calendar-o")
public class PublicHolidaysView extends Main implements HasDynamicTitle {

    private final PublicHolidayService service;
    private final Select<Integer> year = new Select<>();
    private final Grid<PublicHolidayDto> grid = new Grid<>();

    public PublicHolidaysView(PublicHolidayService service, Clock clock) {
        this.service = service;
        addClassName("page");
        int thisYear = LocalDate.now(clock).getYear();
        year.setLabel(getTranslation("legal.holiday.year"));
        year.setId("holiday-year");
        year.addValueChangeListener(e -> load());
        grid.setId("holidays");
        grid.addColumn(h -> Formats.date(h.date())).setHeader(getTranslation("legal.holiday.date")).setAutoWidth(true);
        grid.addColumn(h -> {
            // Formats lists weekdays from Sunday.
            return Formats.weekdays(getLocale()).get(h.date() == null ? 0 : h.date().getDayOfWeek().getValue() % 7);
        }).setHeader(getTranslation("legal.holiday.weekday")).setAutoWidth(true);
        grid.addColumn(PublicHolidayDto::name).setHeader(getTranslation("legal.holiday.name")).setFlexGrow(1);
        grid.addColumn(h -> h.kind() == null ? "" : getTranslation(h.kind().messageKey())).setHeader(getTranslation("legal.holiday.kind"))
                .setAutoWidth(true);
        grid.addColumn(h -> h.note() == null ? "" : h.note()).setHeader(getTranslation("legal.holiday.note")).setFlexGrow(1);
        grid.addComponentColumn(this::removeButton).setHeader(getTranslation("legal.holiday.actions")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H2(getTranslation("nav.holidays")), new Paragraph(getTranslation("legal.holiday.intro")), addForm(), year, grid);
        showYears(thisYear);
    }

    private void showYears(int wanted) {
        TreeSet<Integer> years = new TreeSet<>(service.years());
        years.add(wanted);
        year.setItems(List.copyOf(years));
        year.setValue(wanted);
        load();
    }

    private void load() {
        grid.setItems(year.getValue() == null ? List.of() : service.inYear(year.getValue()));
    }

    private FormLayout addForm() {
        DatePicker date = DateFields.date(getTranslation("legal.holiday.date"));
        date.setId("holiday-date");
        date.setMin(LocalDate.of(PublicHolidayDto.FIRST_YEAR, 1, 1));
        date.setMax(LocalDate.of(PublicHolidayDto.LAST_YEAR, 12, 31));
        TextField name = new TextField(getTranslation("legal.holiday.name"));
        name.setMaxLength(PublicHolidayDto.NAME_MAX);
        name.setId("holiday-name");
        Select<PublicHolidayDto.Kind> kind = new Select<>();
        kind.setLabel(getTranslation("legal.holiday.kind"));
        kind.setItems(PublicHolidayDto.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setValue(PublicHolidayDto.Kind.FIXED);
        kind.setId("holiday-kind");
        TextField note = new TextField(getTranslation("legal.holiday.note"));
        note.setMaxLength(PublicHolidayDto.NOTE_MAX);
        note.setId("holiday-note");
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("date", date, "name", name, "kind", kind, "note", note);
        Button add = new Button(getTranslation("legal.holiday.add"), e -> {
            try {
                FormErrors.clear(fields);
                PublicHolidayDto saved = service.add(new PublicHolidayDto(date.getValue(), name.getValue(), kind.getValue(), note.getValue()));
                Notifications.success(getTranslation("common.saved"));
                date.clear();
                name.clear();
                note.clear();
                showYears(saved.date() == null ? year.getValue() : saved.date().getYear());
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, fields, this);
            }
        });
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.setId("holiday-add");
        FormLayout form = new FormLayout(new H3(getTranslation("legal.holiday.add")), date, name, kind, note, add);
        form.setColspan(form.getComponentAt(0), 2);
        return form;
    }

    private Button removeButton(PublicHolidayDto holiday) {
        Button remove = new Button(getTranslation("legal.holiday.remove"), e -> confirmRemove(holiday));
        remove.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
        remove.getElement().setAttribute("aria-label", getTranslation("legal.holiday.removeOne", Formats.date(holiday.date()), holiday.name()));
        return remove;
    }

    private void confirmRemove(PublicHolidayDto holiday) {
        Dialog d = new Dialog(getTranslation("legal.holiday.removeOne", Formats.date(holiday.date()), holiday.name()));
        d.add(new Paragraph(getTranslation("legal.holiday.removeWarning")));
        Button yes = new Button(getTranslation("legal.holiday.remove"), e -> {
            if (holiday.date() != null) {
                service.remove(holiday.date());
            }
            d.close();
            Notifications.success(getTranslation("legal.holiday.removed"));
            load();
        });
        yes.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        yes.setId("holiday-remove-confirm");
        d.getFooter().add(new Button(getTranslation("common.cancel"), e -> d.close()), yes);
        d.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.holidays") + " | " + getTranslation("app.name");
    }
}
