package org.protectioncases.imports;

import java.util.List;

/**
 * What a file holds: its header cells and its data rows, each with the row number the user sees
 * in the spreadsheet (the header is row 1). Empty rows are left out.
 */
public record SourceTable(List<String> headers, List<Row> rows) {

    public SourceTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** One data row; {@code cells} may be shorter than the headers (trailing empty cells). */
    public record Row(int number, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }
}
