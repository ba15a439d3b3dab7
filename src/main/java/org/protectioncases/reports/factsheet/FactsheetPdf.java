package org.protectioncases.reports.factsheet;

import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.BLUE;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.INK;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.MUTED;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.PALE;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.RULE;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.blank;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.font;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.paragraph;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.plain;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.row;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.twoColumns;

import java.awt.Color;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.reports.SmallCells;
import org.protectioncases.shared.i18n.Formats;

/**
 * Draws a {@link Factsheet} as a one- or two-page A4 PDF laid out like UNHCR's printed factsheet:
 * key figures as tiles, the place-of-displacement table, funding with a donut drawn as vector
 * arcs, partners, presence and the provenance notes. For external sharing, population counts from
 * 1 to 4 print as "&lt;5" and the place table goes through {@link SmallCells}, so the total cannot
 * give a hidden place away. Text comes from the message bundles in the reader's language; the
 * embedded font (Liberation Sans, SIL OFL) has the Albanian and Serbian Latin letters.
 */
final class FactsheetPdf {

    /** Translates a message key with parameters in the PDF's language. */
    interface Texts {
        String get(String key, Object... params);
    }
    private static final DateTimeFormatter DATE = Formats.DATE;
    private static final float MARGIN = 36;

    private final Factsheet f;
    private final boolean external;
    private final Locale locale;
    private final Texts t;
    private final LocalDate generatedOn;
    private final FactsheetPdfLayout layout;
    private final FactsheetPdfNumbers numbers;
    private final BaseFont regular;
    private final BaseFont bold;
    /** The place table after small-cell protection: rows are the four places, then the total. */
    private final SmallCells.Result places;

    FactsheetPdf(Factsheet f, boolean external, Locale locale, Texts texts, LocalDate generatedOn) {
        this.f = f;
        this.external = external;
        this.locale = locale;
        this.t = texts;
        this.generatedOn = generatedOn;
        this.layout = new FactsheetPdfLayout(locale);
        this.numbers = new FactsheetPdfNumbers(external, locale, texts);
        this.regular = layout.regular;
        this.bold = layout.bold;
        long[][] inner = Factsheet.PLACES.stream()
                .map(p -> new long[] {longValue(f.displaced().get(p))}).toArray(long[][]::new);
        this.places = SmallCells.protect(inner);
    }


    void write(OutputStream out) {
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, 64);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new Footer());
        document.addTitle(t.get("factsheet.title", String.valueOf(f.year())) + " – " + t.get("factsheetpdf.asOf", f.asOf().format(DATE)));
        document.addSubject(t.get("factsheet.population"));
        document.addCreator(t.get("app.name"));
        document.open();
        document.add(header());
        document.add(section(t.get("factsheet.population")));
        document.add(tiles());
        document.add(twoColumns(placeTable(), new FactsheetPdfFunding(f, t, layout, numbers).box(writer), 0.54f));
        document.add(twoColumns(partners(), presence(), 0.54f));
        document.add(FactsheetPdfProvenance.box(f, external, t, layout));
        document.close();
    }

    // ---------------------------------------------------------------- header and sections

    private PdfPTable header() {
        PdfPTable band = new PdfPTable(1);
        band.setWidthPercentage(100);
        PdfPCell cell = new PdfPCell();
        cell.setBackgroundColor(BLUE);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(14);
        cell.setPaddingBottom(16);
        cell.addElement(paragraph(t.get("factsheetpdf.kicker").toUpperCase(locale), font(bold, 9, Color.WHITE), 0));
        cell.addElement(paragraph(t.get("factsheet.title", String.valueOf(f.year())), font(bold, 24, Color.WHITE), 2));
        String scope = f.partnerCode() == null ? t.get("factsheetpdf.scope.all") : t.get("factsheetpdf.scope.partner", f.partnerCode());
        cell.addElement(paragraph(t.get("factsheetpdf.asOf", f.asOf().format(DATE)) + "  ·  " + scope, font(regular, 10, Color.WHITE), 4));
        if (!external) {
            cell.addElement(paragraph(t.get("factsheetpdf.internal"), font(bold, 9, new Color(255, 221, 120)), 4));
        }
        band.addCell(cell);
        band.setSpacingAfter(10);
        return band;
    }


    // ---------------------------------------------------------------- population tiles

    private PdfPTable tiles() {
        String year = String.valueOf(f.year());
        String yearBefore = String.valueOf(f.year() - 1);
        List<String[]> tiles = List.of(
                new String[] {count(f.asylumSeekers()), t.get("factsheet.asylumSeekers", year)},
                new String[] {count(f.asylumSeekersYearBefore()), t.get("factsheet.asylumSeekers", yearBefore)},
                new String[] {count(f.atRiskOfStatelessness()), t.get("factsheet.stateless")},
                new String[] {count(f.returnsYearBefore()), t.get("factsheet.returnsYear", yearBefore)},
                new String[] {count(f.returnsSince2000()), t.get("factsheetpdf.returnsSince", f.asOf().format(DATE))},
                new String[] {placeCell(Factsheet.PLACES.size()), t.get("factsheetpdf.displacedTotal")});
        // Three tiles a row with narrow gutters between them (empty columns).
        PdfPTable table = new PdfPTable(new float[] {1, 0.05f, 1, 0.05f, 1});
        table.setWidthPercentage(100);
        for (int i = 0; i < tiles.size(); i++) {
            PdfPCell tile = new PdfPCell();
            tile.setBorder(Rectangle.NO_BORDER);
            tile.setBackgroundColor(PALE);
            tile.setPadding(8);
            tile.setPaddingTop(4);
            tile.setMinimumHeight(64);
            tile.addElement(paragraph(tiles.get(i)[0], font(bold, 22, BLUE), 0));
            tile.addElement(paragraph(tiles.get(i)[1], font(regular, 8.5f, INK), 0));
            table.addCell(tile);
            if (i % 3 < 2) {
                table.addCell(blank());
            } else if (i < tiles.size() - 1) {
                // A gutter row between the two rows of tiles.
                for (int c = 0; c < 5; c++) {
                    PdfPCell gap = blank();
                    gap.setFixedHeight(6);
                    table.addCell(gap);
                }
            }
        }
        table.setSpacingAfter(6);
        return table;
    }

    // ---------------------------------------------------------------- place of displacement

    private PdfPTable placeTable() {
        PdfPTable box = layout.box(t.get("factsheet.place"));
        PdfPTable table = new PdfPTable(new float[] {2.2f, 1});
        table.setWidthPercentage(100);
        table.addCell(row(t.get("factsheet.place"), font(bold, 8.5f, MUTED), Element.ALIGN_LEFT, Rectangle.BOTTOM, RULE));
        table.addCell(row(t.get("factsheet.persons"), font(bold, 8.5f, MUTED), Element.ALIGN_RIGHT, Rectangle.BOTTOM, RULE));
        for (int i = 0; i < Factsheet.PLACES.size(); i++) {
            DisplacementPlace place = Factsheet.PLACES.get(i);
            table.addCell(row(t.get(place.messageKey()), font(regular, 10, INK), Element.ALIGN_LEFT, Rectangle.BOTTOM, RULE));
            table.addCell(row(placeCell(i), font(regular, 10, INK), Element.ALIGN_RIGHT, Rectangle.BOTTOM, RULE));
        }
        table.addCell(row(t.get("factsheet.total"), font(bold, 10, BLUE), Element.ALIGN_LEFT, Rectangle.NO_BORDER, RULE));
        table.addCell(row(placeCell(Factsheet.PLACES.size()), font(bold, 10, BLUE), Element.ALIGN_RIGHT, Rectangle.NO_BORDER, RULE));
        PdfPCell tableCell = plain(table);
        box.addCell(tableCell);
        PdfPCell shelters = new PdfPCell(paragraph(t.get("factsheetpdf.shelters", placeCell(0), count(f.shelterPersons()),
                number(f.shelters())), font(regular, 9, INK), 0));
        shelters.setBorder(Rectangle.NO_BORDER);
        shelters.setPaddingTop(8);
        shelters.setPaddingLeft(0);
        box.addCell(shelters);
        return box;
    }

    /** A place row (0-3) or the total (4) as published: every hidden cell "<5" ({@link SmallCells#MARKER}). */
    private String placeCell(int row) {
        if (external && places.isHidden(row, 0)) {
            return SmallCells.MARKER;
        }
        return numbers.integers().format(places.values()[row][0]);
    }

    // ---------------------------------------------------------------- partners and presence

    private PdfPTable partners() {
        PdfPTable box = layout.box(t.get("factsheet.partners"));
        PdfPCell list = new PdfPCell();
        list.setBorder(Rectangle.NO_BORDER);
        list.setPaddingLeft(0);
        if (f.partners().isEmpty()) {
            list.addElement(paragraph(t.get("factsheet.notAvailable"), font(regular, 10, INK), 0));
        }
        for (String partner : f.partners()) {
            list.addElement(paragraph("■  " + partner, font(regular, 10, INK), 2));
        }
        box.addCell(list);
        return box;
    }

    private PdfPTable presence() {
        PdfPTable box = layout.box(t.get("factsheet.presence"));
        PdfPTable table = new PdfPTable(new float[] {0.45f, 2});
        table.setWidthPercentage(100);
        Map<String, Figure> rows = new LinkedHashMap<>();
        rows.put(t.get("reported.STAFF_NATIONAL"), f.staffNational());
        rows.put(t.get("reported.STAFF_INTERNATIONAL"), f.staffInternational());
        rows.put(t.get("reported.INTERNS"), f.interns());
        rows.put(t.get("reported.OFFICES"), f.offices());
        rows.forEach((label, figure) -> {
            // Staff and offices are not people of concern: no small-cell protection.
            PdfPCell count = row(number(figure), font(bold, 10, BLUE), Element.ALIGN_RIGHT, Rectangle.NO_BORDER, RULE);
            count.setPaddingRight(8);
            table.addCell(count);
            table.addCell(row(label, font(regular, 10, INK), Element.ALIGN_LEFT, Rectangle.NO_BORDER, RULE));
        });
        box.addCell(plain(table));
        return box;
    }

    // ---------------------------------------------------------------- footer

    /** Generated-on line, the Security Council resolution note and the page number on every page. */
    private final class Footer extends PdfPageEventHelper {
        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float left = document.left();
            float right = document.right();
            float y = document.bottom() - 22;
            canvas.setColorStroke(RULE);
            canvas.setLineWidth(0.5f);
            canvas.moveTo(left, y + 12);
            canvas.lineTo(right, y + 12);
            canvas.stroke();
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
                    new Phrase(t.get("factsheetpdf.generated", t.get("app.name"), generatedOn.format(DATE)), font(regular, 7, MUTED)), left, y, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                    new Phrase(t.get("factsheetpdf.page", String.valueOf(writer.getPageNumber())), font(regular, 7, MUTED)), right, y, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
                    new Phrase(t.get("factsheetpdf.resolution"), font(regular, 6.5f, MUTED)), left, y - 10, 0);
        }
    }

    private PdfPTable section(String title) {
        return layout.section(title);
    }

    private String count(Figure figure) {
        return numbers.count(figure);
    }

    private String number(Figure figure) {
        return numbers.number(figure);
    }

    private static long longValue(@Nullable Figure figure) {
        return figure == null || figure.value() == null ? 0 : figure.value().longValue();
    }
}