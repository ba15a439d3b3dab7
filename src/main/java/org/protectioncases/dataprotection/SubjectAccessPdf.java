package org.protectioncases.dataprotection;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.protectioncases.people.PersonForm;
import org.protectioncases.shared.i18n.Formats;

/**
 * The subject-access record as an A4 PDF in the person's language: one section per kind of record,
 * each a plain table, the rule of what is left out at the top. Unicode fonts (Liberation Sans, as
 * the factsheet) so Albanian and Serbian letters print.
 */
final class SubjectAccessPdf {

    /** Translates a message key with parameters in the PDF's language. */
    interface Texts {
        String get(String key, Object... params);
    }

    private static final Color BLUE = new Color(0, 114, 188);
    private static final Color MUTED = new Color(90, 100, 110);

    private final SubjectAccessRecord r;
    private final Locale locale;
    private final Texts t;
    private final Font title;
    private final Font heading;
    private final Font label;
    private final Font text;
    private final Font note;

    SubjectAccessPdf(SubjectAccessRecord record, Locale locale, Texts texts) {
        this.r = record;
        this.locale = locale;
        this.t = texts;
        BaseFont regular = font("liberation/LiberationSans-Regular.ttf");
        BaseFont bold = font("liberation/LiberationSans-Bold.ttf");
        this.title = new Font(bold, 18, Font.NORMAL, BLUE);
        this.heading = new Font(bold, 12, Font.NORMAL, BLUE);
        this.label = new Font(bold, 8.5f, Font.NORMAL, Color.BLACK);
        this.text = new Font(regular, 8.5f, Font.NORMAL, Color.BLACK);
        this.note = new Font(regular, 8.5f, Font.NORMAL, MUTED);
    }

    private static BaseFont font(String resource) {
        try (InputStream in = SubjectAccessPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the classpath (openpdf-fonts-extra)");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(OutputStream out) {
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle(t.get("subjectaccess.title") + " – " + r.person().registrationNo());
        document.addCreator(t.get("app.name"));
        document.open();
        document.add(new Paragraph(t.get("subjectaccess.title"), title));
        document.add(new Paragraph(r.person().fullName() + " · " + r.person().registrationNo(), heading));
        document.add(new Paragraph(t.get("subjectaccess.generated", Formats.MOMENT.format(r.generatedAt()), r.generatedBy()), note));
        Paragraph rule = new Paragraph(r.rule(), label);
        rule.setSpacingBefore(6);
        rule.setSpacingAfter(6);
        document.add(rule);

        PersonForm f = r.person().profile();
        section(document, "subjectaccess.profile");
        document.add(pairs(List.of(
                pair("person.givenName", f.givenName()), pair("person.familyName", f.familyName()), pair("person.fatherName", f.fatherName()),
                pair("person.otherNames", f.otherNames()), pair("person.sex", label(f.sex())), pair("person.birthDate", date(f.birthDate())),
                pair("person.placeOfBirth", f.placeOfBirth()), pair("person.community", label(f.community())),
                pair("person.citizenship", label(f.citizenshipStatus())), pair("person.languages", f.languages()),
                pair("person.phone", f.phone()), pair("person.address", f.address()), pair("person.municipality", f.municipalityCode()),
                pair("person.registeredOn", date(r.person().registeredOn())))));

        section(document, "subjectaccess.groups");
        document.add(rows(List.of("subjectaccess.group", "subjectaccess.from", "subjectaccess.to"), r.person().groups().stream()
                .map(g -> List.of(label(g.group()), date(g.startDate()), date(g.endDate()))).toList()));
        section(document, "subjectaccess.documents");
        document.add(rows(List.of("subjectaccess.document", "subjectaccess.held", "subjectaccess.date"), r.file().documents().stream()
                .map(d -> List.of(label(d.type()), t.get(d.held() ? "common.yes" : "common.no"), date(d.issuedOn()))).toList()));
        section(document, "subjectaccess.returns");
        document.add(rows(List.of("subjectaccess.date", "subjectaccess.from", "person.municipality"), r.file().returns().stream()
                .map(x -> List.of(date(x.date()), label(x.from()), x.municipalityCode())).toList()));
        section(document, "subjectaccess.needs");
        document.add(rows(List.of("subjectaccess.need", "subjectaccess.date", "subjectaccess.note"), r.file().needs().stream()
                .map(n -> List.of(label(n.need()), date(n.notedOn()), nz(n.note()))).toList()));
        section(document, "subjectaccess.consents");
        document.add(rows(List.of("subjectaccess.consent", "subjectaccess.given", "subjectaccess.withdrawn"), r.consents().stream()
                .map(c -> List.of(label(c.scope()), date(c.givenOn()), date(c.withdrawnOn()))).toList()));

        section(document, "subjectaccess.cases");
        if (r.cases().isEmpty()) {
            document.add(new Paragraph(t.get("subjectaccess.none"), note));
        }
        for (SubjectAccessRecord.CaseRecord c : r.cases()) {
            Paragraph caseHead = new Paragraph(c.summary().caseNo() + " · " + label(c.summary().type()) + " · " + label(c.summary().status()),
                    label);
            caseHead.setSpacingBefore(6);
            document.add(caseHead);
            document.add(pairs(List.of(pair("subjectaccess.opened", date(c.summary().openedOn())),
                    pair("subjectaccess.closed", date(c.summary().closedOn())), pair("subjectaccess.outcome", label(c.summary().outcome())),
                    pair("subjectaccess.summary", c.caseSummary()))));
            document.add(rows(List.of("subjectaccess.date", "subjectaccess.timeline", "subjectaccess.note"), c.timeline().stream()
                    .map(s -> List.of(Formats.MOMENT.format(s.at()), label(s.to()), nz(s.reason()))).toList()));
            document.add(rows(List.of("subjectaccess.date", "subjectaccess.referral", "subjectaccess.status"), c.referrals().stream()
                    .map(x -> List.of(date(x.referredOn()), label(x.target()), label(x.status()))).toList()));
            document.add(rows(List.of("subjectaccess.date", "subjectaccess.session", "subjectaccess.summary"), c.sessions().stream()
                    .map(s -> List.of(s.heldAt() == null ? "" : Formats.MOMENT.format(s.heldAt().atZone(ZoneId.systemDefault())),
                            label(s.aidType()), nz(s.summary()))).toList()));
        }

        section(document, "subjectaccess.accessLog");
        document.add(rows(List.of("subjectaccess.date", "subjectaccess.user", "subjectaccess.granted"), r.accessLog().stream()
                .map(a -> List.of(Formats.MOMENT.format(a.at()), a.username(), t.get(a.granted() ? "common.yes" : "common.no"))).toList()));
        document.close();
    }

    private void section(Document document, String key) {
        Paragraph p = new Paragraph(t.get(key), heading);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private String[] pair(String key, @Nullable String value) {
        return new String[] {t.get(key), nz(value)};
    }

    private PdfPTable pairs(List<String[]> pairs) {
        PdfPTable table = new PdfPTable(new float[] {0.3f, 0.7f});
        table.setWidthPercentage(100);
        for (String[] p : pairs) {
            table.addCell(cell(p[0], label));
            table.addCell(cell(p[1], text));
        }
        return table;
    }

    private PdfPTable rows(List<String> headerKeys, List<List<String>> rows) {
        PdfPTable table = new PdfPTable(headerKeys.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String key : headerKeys) {
            table.addCell(cell(t.get(key), label));
        }
        if (rows.isEmpty()) {
            PdfPCell none = cell(t.get("subjectaccess.none"), note);
            none.setColspan(headerKeys.size());
            table.addCell(none);
        }
        for (List<String> row : rows) {
            for (String value : row) {
                table.addCell(cell(value, text));
            }
        }
        table.setSpacingAfter(4);
        return table;
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setPadding(3);
        cell.setHorizontalAlignment(Element.ALIGN_LEFT);
        cell.setBorderColor(new Color(204, 214, 224));
        return cell;
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String date(@Nullable LocalDate d) {
        return d == null ? "" : Formats.DATE.format(d);
    }

    /** An enum in the reader's language when it has a message key ({@code messageKey()}), else its name. */
    private String label(@Nullable Enum<?> value) {
        if (value == null) {
            return "";
        }
        try {
            Object key = value.getClass().getMethod("messageKey").invoke(value);
            if (key instanceof String k) {
                return t.get(k);
            }
        } catch (ReflectiveOperationException e) {
            // no message key: the constant's name reads well enough (e.g. ICRC)
        }
        return value.name();
    }
}
