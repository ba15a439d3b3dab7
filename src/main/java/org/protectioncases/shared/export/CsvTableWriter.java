package org.protectioncases.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * CSV in UTF-8 with a byte-order mark, so spreadsheet programs read ë, ç, š, đ right. Text that a
 * spreadsheet would run as a formula gets a leading single quote ({@link FormulaGuard}); numbers
 * and dates are written as they are, so {@code -3} stays a number.
 */
final class CsvTableWriter implements TableWriter {

    private final Writer writer;
    private final CSVPrinter printer;
    private long rows;

    CsvTableWriter(OutputStream out) throws IOException {
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
    }

    @Override
    public void header(List<String> titles) throws IOException {
        row(titles);
    }

    @Override
    public void row(List<? extends @Nullable Object> cells) throws IOException {
        List<String> values = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            values.add(switch (cell) {
                case null -> "";
                case Number n -> n.toString();
                case TemporalAccessor t -> t.toString();
                case Boolean b -> b.toString();
                default -> FormulaGuard.csv(cell.toString());
            });
        }
        printer.printRecord(values);
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        printer.flush();
        writer.flush();
    }
}
