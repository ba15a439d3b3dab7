package org.protectioncases.monitoring.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.protectioncases.monitoring.AgeGroup;
import org.protectioncases.monitoring.OthersMet;

/**
 * The others met on a visit, sex × age group: one number field per cell, labelled for screen
 * readers. One row per age group with female and male side by side, so the form fits a phone; an
 * empty cell counts as 0 (its placeholder says so) and the total of people met follows as the
 * counts are typed ({@link #total}, shown under the grid).
 */
class VisitCounts extends Div {

    /** The cells by field key ({@link OthersMet#fieldKey}), in OthersMet's order: all female age groups, then all male. */
    final Map<String, IntegerField> cells = new LinkedHashMap<>();
    final Span total = new Span();

    void build() {
        removeAll();
        cells.clear();
        addClassName("counts-grid");
        String female = getTranslation("visit.female");
        String male = getTranslation("visit.male");
        add(new Span(), new Span(female), new Span(male));
        Map<AgeGroup, IntegerField[]> rows = new LinkedHashMap<>();
        for (AgeGroup g : AgeGroup.values()) {
            rows.put(g, new IntegerField[] {cell(female, g), cell(male, g)});
        }
        rows.forEach((g, row) -> cells.put(OthersMet.fieldKey(true, g), row[0]));
        rows.forEach((g, row) -> cells.put(OthersMet.fieldKey(false, g), row[1]));
        rows.forEach((g, row) -> add(new Span(getTranslation(g.messageKey())), row[0], row[1]));
        total.addClassName("counts-total");
        total.getElement().setAttribute("aria-live", "polite");
        updateTotal();
    }

    private IntegerField cell(String sex, AgeGroup g) {
        IntegerField cell = new IntegerField();
        cell.setMin(0);
        cell.setPlaceholder("0");
        cell.setAriaLabel(sex + " " + getTranslation(g.messageKey()));
        cell.setValueChangeMode(ValueChangeMode.LAZY);
        cell.addValueChangeListener(e -> updateTotal());
        return cell;
    }

    /** Shows these counts (a visit or a draft being filled in); 0 as an empty cell. */
    void fill(OthersMet othersMet) {
        List<Integer> values = othersMet.asList();
        int i = 0;
        for (IntegerField cell : cells.values()) {
            Integer value = values.get(i++);
            cell.setValue(value == null || value == 0 ? null : value);
        }
        updateTotal();
    }

    OthersMet read() {
        return OthersMet.of(cells.values().stream().map(c -> c.getValue() == null ? 0 : c.getValue()).toList());
    }

    private void updateTotal() {
        int sum = cells.values().stream().mapToInt(c -> c.getValue() == null || c.getValue() < 0 ? 0 : c.getValue()).sum();
        total.setText(getTranslation("phone.visit.total", sum));
    }
}
