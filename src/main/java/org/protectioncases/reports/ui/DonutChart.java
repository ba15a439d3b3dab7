package org.protectioncases.reports.ui;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A donut (an ECharts pie with a hole, radius 50-70 %) with a figure in the hole, e.g. the funded
 * and unfunded shares around the funding requirement. Labels come formatted from the server, so
 * the chart shows the same rounded numbers, in the UI language, as the table next to it.
 */
public class DonutChart extends EChart {

    /** One slice: its label as shown (with its share), its value and its colour. */
    public record Slice(String label, double value, String color) {
    }

    public DonutChart(String ariaLabel) {
        super(ariaLabel);
        setHeight("280px");
    }

    /** Draws the slices clockwise from twelve o'clock, with {@code centre} and {@code centreCaption} in the hole. */
    public void show(List<Slice> slices, String centre, String centreCaption) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("tooltip").put("trigger", "item").put("formatter", "{b}");
        root.putObject("legend").put("bottom", 0);
        // Two titles rather than text + subtext, which ECharts draws on top of each other at this size.
        ArrayNode titles = root.putArray("title");
        titles.addObject().put("text", centre).put("left", "center").put("top", "37%")
                .putObject("textStyle").put("fontSize", 16).put("color", "#0072BC");
        titles.addObject().put("text", centreCaption).put("left", "center").put("top", "47%")
                .putObject("textStyle").put("fontSize", 12).put("fontWeight", "normal").put("color", "#666666");
        ObjectNode series = root.putArray("series").addObject().put("type", "pie").put("startAngle", 90).put("clockwise", true);
        series.putArray("radius").add("50%").add("70%");
        series.putArray("center").add("50%").add("45%");
        series.putObject("label").put("show", false);
        ArrayNode data = series.putArray("data");
        for (Slice slice : slices) {
            ObjectNode item = data.addObject().put("name", slice.label()).put("value", slice.value());
            item.putObject("itemStyle").put("color", slice.color());
        }
        setOption(root);
    }
}
