package org.protectioncases.reports.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import org.protectioncases.shared.i18n.Formats;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chart drawn by ECharts (from its webjar, no frontend build) from an option object built on
 * the server. A chart is a picture for sighted readers: it is an {@code img} with a label that
 * points to the table holding the same numbers, which is always next to it.
 */
@JavaScript("context://webjars/echarts/5.3.1/dist/echarts.min.js")
public abstract class EChart extends Div {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private String option = "{}";
    /** Grouping and decimal mark of the user's language, for the value axis and the tooltip. */
    private final String numberMarks;

    EChart(String ariaLabel) {
        var symbols = Formats.symbols(getLocale());
        numberMarks = "" + symbols.getGroupingSeparator() + symbols.getDecimalSeparator();
        addClassName("chart");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", ariaLabel);
        setWidthFull();
        setHeight("320px");
    }

    /** Replaces the chart's ECharts option and draws it. */
    void setOption(ObjectNode root) {
        option = root.toString();
        draw();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        draw();
    }

    private void draw() {
        getElement().executeJs("""
                const el = this;
                const option = JSON.parse($0);
                // Numbers as on the page (9.384 in Albanian and Serbian), not ECharts' English 9,384.
                const marks = $1;
                const format = v => {
                  if (typeof v !== 'number') { return v; }
                  const [whole, fraction] = Math.abs(v).toString().split('.');
                  return (v < 0 ? '-' : '') + whole.replace(/\\B(?=(\\d{3})+(?!\\d))/g, marks[0]) + (fraction ? marks[1] + fraction : '');
                };
                for (const axis of [].concat(option.xAxis || [], option.yAxis || [])) {
                  if (axis.type === 'value') { axis.axisLabel = Object.assign({}, axis.axisLabel, {formatter: format}); }
                }
                if (option.tooltip && !option.tooltip.formatter) { option.tooltip.valueFormatter = format; }
                const paint = () => {
                  if (!window.echarts) { setTimeout(paint, 50); return; }
                  const chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el);
                  chart.setOption(option, true);
                  if (!el.__pcResize) { el.__pcResize = new ResizeObserver(() => chart.resize()); el.__pcResize.observe(el); }
                };
                paint();""", option, numberMarks);
    }
}
