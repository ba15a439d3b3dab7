package org.protectioncases.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * CSV with commons-csv. Encoding: a UTF-8 byte order mark, else UTF-8 if the bytes are valid
 * UTF-8, else Windows-1250 or -1252 (what Excel saves on Albanian and Serbian Windows): a byte
 * that is č/ć/đ in 1250 but è/æ/ð in 1252 means 1250; ë and ç are the same byte in both.
 * Separator: whichever of {@code ;} and {@code ,} the header line has more of.
 */
final class CsvTableReader {

    static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvTableReader() {
    }

    static SourceTable read(byte[] bytes, @Nullable Charset chosen, int maxRows) {
        String text = decode(bytes, chosen);
        char separator = separator(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true).setTrim(true).get();
        List<String> headers = null;
        List<SourceTable.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (headers == null) {
                    headers = cells;
                    continue;
                }
                if (rows.size() >= maxRows) {
                    throw new ImportFileException("import.file.tooManyRows", maxRows);
                }
                // Row number as a spreadsheet program shows the line (1 = header).
                rows.add(new SourceTable.Row((int) record.getRecordNumber(), cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ImportFileException("import.file.unreadableCsv");
        }
        if (headers == null) {
            throw new ImportFileException("import.file.empty");
        }
        return new SourceTable(headers, rows);
    }

    static Charset detect(byte[] bytes) {
        if (hasUtf8Bom(bytes)) {
            return StandardCharsets.UTF_8;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            for (byte b : bytes) {
                int v = b & 0xff;
                // č Č ć Ć đ Đ in windows-1250; è È æ Æ ð Ð in windows-1252, rare in both languages.
                if (v == 0xE8 || v == 0xC8 || v == 0xE6 || v == 0xC6 || v == 0xF0 || v == 0xD0) {
                    return WINDOWS_1250;
                }
            }
            return WINDOWS_1252;
        }
    }

    private static String decode(byte[] bytes, @Nullable Charset chosen) {
        Charset charset = chosen != null ? chosen : detect(bytes);
        int skip = charset.equals(StandardCharsets.UTF_8) && hasUtf8Bom(bytes) ? 3 : 0;
        return new String(bytes, skip, bytes.length - skip, charset);
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    private static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long semicolons = first.chars().filter(c -> c == ';').count();
        long commas = first.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }
}
