package org.protectioncases.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.protectioncases.cases.CaseOutcome;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseType;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.people.CitizenshipStatus;
import org.protectioncases.people.Community;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.people.PopulationGroup;
import org.protectioncases.people.Sex;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.shared.i18n.AppI18NProvider;

/**
 * The template of each kind in a UI language: a first sheet with the column headers (in that language,
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
            ImportField[] fields = ImportKind.PEOPLE.fields().toArray(ImportField[]::new);
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

    /** The cases or sessions template: the kind's columns, and its lists of allowed values. */
    static void writeRecords(ImportKind kind, Locale locale, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet records = workbook.createSheet(WorkbookUtil.createSafeSheetName(AppI18NProvider.text(locale, kind.messageKey())));
            Row header = records.createRow(0);
            List<ImportField> fields = kind.fields();
            for (int i = 0; i < fields.size(); i++) {
                header.createCell(i).setCellValue(AppI18NProvider.text(locale, fields.get(i).messageKey()));
                header.getCell(i).setCellStyle(bold);
            }
            List<String> titles;
            List<List<String>> lists;
            List<String> dates = List.of("31.12.2020", "1.2.2020", "2020-12-31", "31/12/2020");
            if (kind == ImportKind.CASES) {
                titles = List.of(ImportField.CASE_TYPE.messageKey(), ImportField.CASE_STATUS.messageKey(), ImportField.CASE_OUTCOME.messageKey(),
                        "import.template.dates");
                lists = List.of(labels(locale, CaseType.values()), labels(locale, CaseStatus.values()), labels(locale, CaseOutcome.values()),
                        dates);
            } else {
                titles = List.of(ImportField.SESSION_AID_TYPE.messageKey(), ImportField.SESSION_TOPICS.messageKey(),
                        ImportField.SESSION_MODE.messageKey(), "import.template.dates");
                lists = List.of(labels(locale, LegalAidType.values()), labels(locale, SessionTopic.values()), labels(locale, SessionMode.values()),
                        List.of("31.12.2020", "31.12.2020 10:30", "2020-12-31", "31/12/2020"));
            }
            Sheet values = workbook.createSheet(WorkbookUtil.createSafeSheetName(AppI18NProvider.text(locale, "import.template.values")));
            Row titleRow = values.createRow(0);
            for (int i = 0; i < titles.size(); i++) {
                titleRow.createCell(i).setCellValue(AppI18NProvider.text(locale, titles.get(i)));
                titleRow.getCell(i).setCellStyle(bold);
            }
            int longest = lists.stream().mapToInt(List::size).max().orElse(0);
            for (int r = 0; r < longest; r++) {
                Row row = values.createRow(r + 1);
                for (int c = 0; c < lists.size(); c++) {
                    if (r < lists.get(c).size()) {
                        row.createCell(c).setCellValue(lists.get(c).get(r));
                    }
                }
            }
            Row note = values.createRow(longest + 2);
            note.createCell(0).setCellValue(AppI18NProvider.text(locale, "import.template.note." + kind.name()));
            workbook.write(out);
        }
    }

    private static List<String> labels(Locale locale, Enum<?>[] values) {
        return Arrays.stream(values).map(v -> AppI18NProvider.text(locale, messageKey(v))).toList();
    }

    private static String messageKey(Enum<?> value) {
        return switch (value) {
            case Sex s -> s.messageKey();
            case Community c -> c.messageKey();
            case PopulationGroup g -> g.messageKey();
            case CitizenshipStatus s -> s.messageKey();
            case DisplacementPlace p -> p.messageKey();
            case CaseType t -> t.messageKey();
            case CaseStatus t -> t.messageKey();
            case CaseOutcome t -> t.messageKey();
            case LegalAidType t -> t.messageKey();
            case SessionTopic t -> t.messageKey();
            case SessionMode t -> t.messageKey();
            default -> value.name();
        };
    }
}
