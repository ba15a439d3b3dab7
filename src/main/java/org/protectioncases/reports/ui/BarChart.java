package org.protectioncases.reports.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stacked bar chart drawn by ECharts (from its webjar, no frontend build). The chart is a
 * picture for sighted readers; the same numbers are always in a table next to it, and the chart
 * itself is hidden from screen readers' reading order with a text label saying so.
 */
@JavaScript("context://webjars/echarts/5.3.1/dist/echarts.min.js")
public class BarChart extends Div {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One series of the stack, e.g. "Female" with one value per category. */
    public record Series(String name, List<Long> values) {
    }

    private String option = "{}";

    public BarChart(String ariaLabel) {
        addClassName("chart");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", ariaLabel);
        setWidthFull();
        setHeight("320px");
    }

    /** Categories along the axis (already translated) and the stacked series. */
    public void show(List<String> categories, List<Series> series) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("tooltip").put("trigger", "axis");
        root.putObject("legend");
        root.putObject("grid").put("containLabel", true).put("left", 8).put("right", 8);
        ObjectNode xAxis = root.putObject("xAxis").put("type", "category");
        // Every label when they fit (age groups), ECharts' own spacing for long series (years).
        if (categories.size() <= 8) {
            xAxis.putObject("axisLabel").put("interval", 0);
        }
        ArrayNode xData = xAxis.putArray("data");
        categories.forEach(xData::add);
        root.putObject("yAxis").put("type", "value");
        ArrayNode seriesNode = root.putArray("series");
        for (Series s : series) {
            ObjectNode node = seriesNode.addObject().put("name", s.name()).put("type", "bar").put("stack", "total");
            ArrayNode data = node.putArray("data");
            s.values().forEach(data::add);
        }
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
                const paint = () => {
                  if (!window.echarts) { setTimeout(paint, 50); return; }
                  const chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el);
                  chart.setOption(JSON.parse($0), true);
                  if (!el.__pcResize) { el.__pcResize = new ResizeObserver(() => chart.resize()); el.__pcResize.observe(el); }
                };
                paint();""", option);
    }
}
