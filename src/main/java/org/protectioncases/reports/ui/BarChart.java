package org.protectioncases.reports.ui;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stacked bar chart drawn by ECharts (see {@link EChart}). The same numbers are always in a
 * table next to it.
 */
public class BarChart extends EChart {

    /** One series of the stack, e.g. "Female" with one value per category (counts, or hours with decimals). */
    public record Series(String name, List<? extends Number> values) {
    }

    private boolean stacked = true;

    public BarChart(String ariaLabel) {
        super(ariaLabel);
    }

    /** Bars of the series side by side instead of stacked (series that do not add up, e.g. sessions and visits). */
    public BarChart sideBySide() {
        stacked = false;
        return this;
    }

    /** Categories along the axis (already translated) and the stacked series. */
    public void show(List<String> categories, List<Series> series) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("tooltip").put("trigger", "axis");
        root.putObject("legend");
        // The axis labels are inside the grid (containLabel), so no blank band is needed under it.
        root.putObject("grid").put("containLabel", true).put("left", 8).put("right", 8).put("bottom", 8);
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
            ObjectNode node = seriesNode.addObject().put("name", s.name()).put("type", "bar");
            if (stacked) {
                node.put("stack", "total");
            }
            ArrayNode data = node.putArray("data");
            for (Number value : s.values()) {
                if (value instanceof BigDecimal decimal) {
                    data.add(decimal);
                } else {
                    data.add(value.longValue());
                }
            }
        }
        setOption(root);
    }
}
