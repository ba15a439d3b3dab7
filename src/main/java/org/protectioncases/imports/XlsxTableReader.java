package org.protectioncases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STSheetState;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * XLSX read as a stream of SAX events (POI's XSSFReader + XSSFSheetXMLHandler), never as a whole
 * workbook: the first visible sheet only (hidden sheets are skipped), formulas by their cached
 * value (nothing is evaluated, so external links are never followed), date cells as ISO dates and
 * whole numbers without Excel's display rounding. POI's zip-bomb guard ({@link ZipSecureFile})
 * refuses entries that inflate too far or grow beyond {@link #MAX_ENTRY_BYTES}.
 */
final class XlsxTableReader {

    /** Largest unpacked part of the file (the sheet XML); 200,000 rows of 20 columns stay well within it. */
    static final long MAX_ENTRY_BYTES = 400L * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private XlsxTableReader() {
    }

    static SourceTable read(Path file, int maxRows) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            String sheetId = firstVisibleSheet(reader);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Collector collector = new Collector(maxRows);
            // POI's hardened reader: no DTDs, no external entities (XXE), entity expansion limited.
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector, new PlainFormatter(), false));
            try (InputStream sheet = reader.getSheet(sheetId)) {
                parser.parse(new InputSource(sheet));
            }
            if (collector.headers == null) {
                throw new ImportFileException("import.file.empty");
            }
            return new SourceTable(collector.headers, collector.rows);
        } catch (ImportFileException e) {
            throw e;
        } catch (InvalidFormatException | UnsupportedFileFormatException e) {
            throw new ImportFileException("import.file.notXlsx");
        } catch (IOException | RecordFormatException | IllegalStateException e) {
            if (isZipBomb(e)) {
                throw new ImportFileException("import.file.tooLarge");
            }
            throw new ImportFileException("import.file.notXlsx");
        } catch (SAXException | OpenXML4JException | ParserConfigurationException | XmlException e) {
            if (e.getCause() instanceof ImportFileException f) {
                throw f;
            }
            throw isZipBomb(e) ? new ImportFileException("import.file.tooLarge") : new ImportFileException("import.file.notXlsx");
        } catch (POIXMLException e) {
            throw isZipBomb(e) ? new ImportFileException("import.file.tooLarge") : new ImportFileException("import.file.notXlsx");
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("MaxEntrySize") || m.contains("max entry size")
                    || m.contains("exceeds the maximum")) {
                return true;
            }
        }
        return false;
    }

    private static String firstVisibleSheet(XSSFReader reader) throws IOException, InvalidFormatException, XmlException {
        try (InputStream workbook = reader.getWorkbookData()) {
            for (CTSheet sheet : WorkbookDocument.Factory.parse(workbook).getWorkbook().getSheets().getSheetArray()) {
                if (sheet.getState() == null || sheet.getState() == STSheetState.VISIBLE) {
                    return sheet.getId();
                }
            }
        }
        throw new ImportFileException("import.file.empty");
    }

    /** Cell values as the import reads them: dates ISO, whole numbers in full, the rest as Excel shows them. */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime dateTime = DateUtil.getLocalDateTime(value, use1904Windowing);
                return dateTime.toLocalDate().toString();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int maxRows;
        List<String> headers;
        final List<SourceTable.Row> rows = new ArrayList<>();
        private List<String> current = new ArrayList<>();

        Collector(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (current.stream().allMatch(String::isBlank)) {
                return;
            }
            if (headers == null) {
                headers = current;
                return;
            }
            if (rows.size() >= maxRows) {
                throw new ImportFileException("import.file.tooManyRows", maxRows);
            }
            rows.add(new SourceTable.Row(rowNum + 1, current));
        }

        @Override
        public void cell(String ref, String formattedValue, XSSFComment comment) {
            int column = new CellReference(ref).getCol();
            while (current.size() < column) {
                current.add("");
            }
            current.add(formattedValue == null ? "" : formattedValue.strip());
        }
    }
}
