package org.protectioncases.reports.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.reports.factsheet.FactsheetService;
import org.protectioncases.reports.factsheet.ReportedFigure;
import org.protectioncases.reports.factsheet.ReportedFigureKind;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;

/** For managers who record figures: the form for a dated reported figure and the list of those recorded. */
final class ReportedFiguresSection extends Div {

    ReportedFiguresSection(FactsheetService service, @Nullable Integer year, LocalDate today, Runnable saved) {
        add(new H3(getTranslation("factsheet.reported")), new Paragraph(getTranslation("factsheet.reported.help")));
        Select<ReportedFigureKind> figure = new Select<>();
        figure.setLabel(getTranslation("factsheet.reported.figure"));
        figure.setItems(ReportedFigureKind.values());
        figure.setItemLabelGenerator(k -> k == null ? "" : getTranslation(k.messageKey()));
        IntegerField figureYear = new IntegerField(getTranslation("factsheet.year"));
        figureYear.setValue(year);
        BigDecimalField value = new BigDecimalField(getTranslation("factsheet.reported.value"));
        DatePicker validFrom = DateFields.date(getTranslation("factsheet.reported.validFrom"), today);
        validFrom.setMax(today);
        TextField source = new TextField(getTranslation("factsheet.reported.source"));
        source.setMaxLength(FactsheetService.SOURCE_MAX);
        Button save = new Button(getTranslation("factsheet.reported.save"), e -> {
            try {
                service.recordFigure(figure.getValue(), figureYear.getValue(), value.getValue(), validFrom.getValue(), source.getValue());
                Notifications.success(getTranslation("factsheet.reported.saved"));
                saved.run();
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("figure", figure, "year", figureYear, "value", value, "validFrom", validFrom,
                        "source", source), this);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        FlexLayout form = new FlexLayout(figure, figureYear, value, validFrom, source, save);
        form.addClassName("filters");
        Grid<ReportedFigure> grid = new Grid<>();
        grid.addColumn(r -> getTranslation(r.figure().messageKey())).setHeader(getTranslation("factsheet.reported.figure")).setAutoWidth(true);
        grid.addColumn(ReportedFigure::year).setHeader(getTranslation("factsheet.year")).setAutoWidth(true);
        grid.addColumn(r -> Formats.upTo(getLocale(), 2).format(r.value())).setHeader(getTranslation("factsheet.reported.value"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.validFrom().format(Formats.DATE)).setHeader(getTranslation("factsheet.reported.validFrom")).setAutoWidth(true);
        grid.addColumn(ReportedFigure::source).setHeader(getTranslation("factsheet.reported.source")).setFlexGrow(1);
        grid.addColumn(ReportedFigure::enteredBy).setHeader(getTranslation("factsheet.reported.enteredBy")).setAutoWidth(true);
        grid.setItems(service.reportedFigures());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("factsheet.reported"));
        add(form, grid);
    }
}
