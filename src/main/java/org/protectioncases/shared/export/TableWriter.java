package org.protectioncases.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a table row by row to CSV or XLSX without holding it in memory: callers stream rows
 * from a database cursor straight into the response. Cells may be text, numbers, dates or null
 * (empty); numbers and dates stay typed in XLSX so spreadsheet users can sum and sort them.
 */
public interface TableWriter extends AutoCloseable {

    /** A header row (bold in XLSX). */
    void header(List<String> titles) throws IOException;

    void row(List<? extends @Nullable Object> cells) throws IOException;

    default void row(@Nullable Object... cells) throws IOException {
        row(Arrays.asList(cells));
    }

    /** Rows written so far, headers included. */
    long rows();

    /** Finishes the file; the output stream stays open (the caller owns it). */
    @Override
    void close() throws IOException;

    static TableWriter open(ExportFormat format, OutputStream out, String sheetName) throws IOException {
        return switch (format) {
            case CSV -> new CsvTableWriter(out);
            case XLSX -> new XlsxTableWriter(out, sheetName);
        };
    }
}
