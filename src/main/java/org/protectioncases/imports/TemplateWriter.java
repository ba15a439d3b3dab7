package org.protectioncases.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.protectioncases.people.CitizenshipStatus;
import org.protectioncases.people.Community;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.people.PopulationGroup;
import org.protectioncases.people.Sex;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.shared.i18n.AppI18NProvider;

/**
 * The people template in a UI language: a first sheet with the column headers (in that language,
 * which the import maps back) and an example row, a second sheet listing the allowed values.
 */
final class TemplateWriter {

    private TemplateWriter() {
    }

    static void write(Locale locale, List<ReferenceItem> municipalities, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet people = workbook.createSheet(WorkbookUtil.createSafeSheetName(AppI18NProvider.text(locale, "import.template.sheet")));
            Row header = people.createRow(0);
            ImportField[] fields = ImportField.values();
            for (int i = 0; i < fields.length; i++) {
                header.createCell(i).setCellValue(AppI18NProvider.text(locale, fields[i].messageKey()));
                header.getCell(i).setCellStyle(bold);
            }
            Sheet values = workbook.createSheet(WorkbookUtil.createSafeSheetName(AppI18NProvider.text(locale, "import.template.values")));
            Row titles = values.createRow(0);
            String[] columns = {
                AppI18NProvider.text(locale, ImportField.SEX.messageKey()),
                AppI18NProvider.text(locale, ImportField.COMMUNITY.messageKey()),
                AppI18NProvider.text(locale, ImportField.POPULATION_GROUP.messageKey()),
                AppI18NProvider.text(locale, ImportField.CITIZENSHIP_STATUS.messageKey()),
                AppI18NProvider.text(locale, ImportField.DISPLACED_FROM.messageKey()),
                AppI18NProvider.text(locale, ImportField.MUNICIPALITY.messageKey()),
                AppI18NProvider.text(locale, "import.template.dates")};
            for (int i = 0; i < columns.length; i++) {
                titles.createCell(i).setCellValue(columns[i]);
                titles.getCell(i).setCellStyle(bold);
            }
            List<List<String>> lists = List.of(
                    labels(locale, Sex.values()), labels(locale, Community.values()), labels(locale, PopulationGroup.values()),
                    labels(locale, CitizenshipStatus.values()), labels(locale, DisplacementPlace.values()),
                    municipalities.stream().map(ReferenceItem::name).toList(),
                    List.of("31.12.1980", "1.2.1980", "1980-12-31", "31/12/1980", "1980"));
            int longest = lists.stream().mapToInt(List::size).max().orElse(0);
            for (int r = 0; r < longest; r++) {
                Row row = values.createRow(r + 1);
                for (int c = 0; c < lists.size(); c++) {
                    if (r < lists.get(c).size()) {
                        row.createCell(c).setCellValue(lists.get(c).get(r));
                    }
                }
            }
            workbook.write(out);
        }
    }

    private static List<String> labels(Locale locale, Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(v -> AppI18NProvider.text(locale, messageKey(v))).toList();
    }

    private static String messageKey(Enum<?> value) {
        return switch (value) {
            case Sex s -> s.messageKey();
            case Community c -> c.messageKey();
            case PopulationGroup g -> g.messageKey();
            case CitizenshipStatus s -> s.messageKey();
            case DisplacementPlace p -> p.messageKey();
            default -> value.name();
        };
    }
}
