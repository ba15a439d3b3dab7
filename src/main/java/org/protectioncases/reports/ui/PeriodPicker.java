package org.protectioncases.reports.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;

/**
 * A reporting period: a year, a quarter, a month or a custom range, shown as the two dates it
 * stands for. Periods that reach into the future end today (figures cannot be counted ahead).
 */
public class PeriodPicker extends FlexLayout {

    public enum Kind {
        YEAR, QUARTER, MONTH, CUSTOM
    }

    final Select<Kind> kind = new Select<>();
    final Select<Integer> year = new Select<>();
    final Select<Integer> quarter = new Select<>();
    final Select<Month> month = new Select<>();
    final DatePicker from = DateFields.date();
    final DatePicker to = DateFields.date();
    private final List<Runnable> listeners = new ArrayList<>();
    private final Clock clock;

    /** {@code clock}: today, the default period (this year so far) and the latest date a period may reach. */
    public PeriodPicker(Clock clock) {
        this.clock = clock;
        addClassName("period-picker");
        LocalDate today = LocalDate.now(clock);
        kind.setLabel(getTranslation("period.kind"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> k == null ? "" : getTranslation("period." + k.name()));
        kind.setValue(Kind.YEAR);
        year.setLabel(getTranslation("period.YEAR"));
        year.setItems(IntStream.rangeClosed(2000, today.getYear()).boxed().sorted((a, b) -> b - a).toList());
        year.setValue(today.getYear());
        quarter.setLabel(getTranslation("period.QUARTER"));
        quarter.setItems(1, 2, 3, 4);
        quarter.setItemLabelGenerator(q -> q == null ? "" : "Q" + q);
        quarter.setValue((today.getMonthValue() - 1) / 3 + 1);
        month.setLabel(getTranslation("period.MONTH"));
        month.setItems(Month.values());
        month.setItemLabelGenerator(m -> m == null ? "" : Formats.monthName(getLocale(), m.getValue()));
        month.setValue(today.getMonth());
        from.setLabel(getTranslation("period.from"));
        to.setLabel(getTranslation("period.to"));
        from.setMax(today);
        to.setMax(today);
        add(kind, year, quarter, month, from, to);
        kind.addValueChangeListener(e -> sync());
        year.addValueChangeListener(e -> sync());
        quarter.addValueChangeListener(e -> sync());
        month.addValueChangeListener(e -> sync());
        from.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                fire();
            }
        });
        to.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                fire();
            }
        });
        sync();
    }

    /** Called whenever the period changes (also when a custom date is typed). */
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    public @Nullable LocalDate from() {
        return from.getValue();
    }

    public @Nullable LocalDate to() {
        return to.getValue();
    }

    /** Shows the service's validation message next to the date it is about. */
    public Map<String, DatePicker> fields() {
        return Map.of("from", from, "to", to);
    }

    public void setYear(int value) {
        kind.setValue(Kind.YEAR);
        year.setValue(value);
    }

    /** Shows a given period: as its year when it is one whole year, otherwise as a custom range. */
    public void setRange(LocalDate start, LocalDate end) {
        if (start.getDayOfYear() == 1 && end.equals(LocalDate.of(start.getYear(), 12, 31)) && year.getListDataView().contains(start.getYear())) {
            setYear(start.getYear());
            return;
        }
        kind.setValue(Kind.CUSTOM);
        from.setValue(start);
        to.setValue(end);
        fire();
    }

    private void sync() {
        Kind k = kind.getValue() == null ? Kind.YEAR : kind.getValue();
        year.setVisible(k != Kind.CUSTOM);
        quarter.setVisible(k == Kind.QUARTER);
        month.setVisible(k == Kind.MONTH);
        boolean custom = k == Kind.CUSTOM;
        from.setReadOnly(!custom);
        to.setReadOnly(!custom);
        LocalDate today = LocalDate.now(clock);
        int y = year.getValue() == null ? today.getYear() : year.getValue();
        LocalDate start;
        LocalDate end;
        switch (k) {
            case YEAR -> {
                start = LocalDate.of(y, 1, 1);
                end = LocalDate.of(y, 12, 31);
            }
            case QUARTER -> {
                int q = quarter.getValue() == null ? 1 : quarter.getValue();
                start = LocalDate.of(y, (q - 1) * 3 + 1, 1);
                end = start.plusMonths(3).minusDays(1);
            }
            case MONTH -> {
                YearMonth ym = YearMonth.of(y, month.getValue() == null ? Month.JANUARY : month.getValue());
                start = ym.atDay(1);
                end = ym.atEndOfMonth();
            }
            default -> {
                fire();
                return;
            }
        }
        from.setValue(start.isAfter(today) ? today : start);
        to.setValue(end.isAfter(today) ? today : end);
        fire();
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }
}
