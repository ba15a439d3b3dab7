package org.protectioncases.reports.factsheet;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.reports.Provenance;
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

    static final Color BLUE = new Color(0, 114, 188);        // UNHCR blue
    static final Color PALE = new Color(233, 241, 249);
    static final Color UNFUNDED = new Color(178, 205, 232);
    static final Color INK = new Color(51, 51, 51);
    static final Color MUTED = new Color(102, 102, 102);
    static final Color RULE = new Color(204, 214, 224);
    private static final DateTimeFormatter DATE = Formats.DATE;
    private static final float MARGIN = 36;

    private final Factsheet f;
    private final boolean external;
    private final Locale locale;
    private final Texts t;
    private final LocalDate generatedOn;
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
        this.regular = font("liberation/LiberationSans-Regular.ttf");
        this.bold = font("liberation/LiberationSans-Bold.ttf");
        long[][] inner = Factsheet.PLACES.stream()
                .map(p -> new long[] {longValue(f.displaced().get(p))}).toArray(long[][]::new);
        this.places = SmallCells.protect(inner);
    }

    /** Loads a TrueType font from the classpath and embeds the used glyphs (Unicode, so ë, ç, š, đ, ć, ž, č print). */
    private static BaseFont font(String resource) {
        try (InputStream in = FactsheetPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the classpath (openpdf-fonts-extra)");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        document.add(twoColumns(placeTable(), funding(writer), 0.54f));
        document.add(twoColumns(partners(), presence(), 0.54f));
        document.add(provenance());
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

    private PdfPTable section(String title) {
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        PdfPCell cell = new PdfPCell(new Phrase(title.toUpperCase(locale), font(bold, 10.5f, BLUE)));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(BLUE);
        cell.setBorderWidth(0.8f);
        cell.setPaddingBottom(4);
        cell.setPaddingLeft(0);
        table.addCell(cell);
        table.setSpacingBefore(6);
        table.setSpacingAfter(8);
        return table;
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
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.addCell(plain(section(t.get("factsheet.place"))));
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
        return integers().format(places.values()[row][0]);
    }

    // ---------------------------------------------------------------- funding

    private PdfPTable funding(PdfWriter writer) {
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.addCell(plain(section(t.get("factsheet.funding", String.valueOf(f.year())))));
        PdfPTable inner = new PdfPTable(new float[] {1, 1.05f});
        inner.setWidthPercentage(100);
        PdfPCell donut = new PdfPCell(donutImage(writer.getDirectContent()), false);
        donut.setBorder(Rectangle.NO_BORDER);
        donut.setPadding(0);
        donut.setHorizontalAlignment(Element.ALIGN_CENTER);
        donut.setVerticalAlignment(Element.ALIGN_MIDDLE);
        inner.addCell(donut);
        inner.addCell(legend());
        box.addCell(plain(inner));
        return box;
    }

    /** The donut as a vector drawing: the unfunded ring, the funded share over it from twelve o'clock clockwise. */
    private Image donutImage(PdfContentByte canvas) {
        float size = 116;
        PdfTemplate template = canvas.createTemplate(size, size);
        float c = size / 2;
        float outer = 56;
        float inner = 39;
        float mid = (outer + inner) / 2;
        template.setLineWidth(outer - inner);
        template.setColorStroke(f.fundedPercent() == null ? RULE : UNFUNDED);
        template.circle(c, c, mid);
        template.stroke();
        Double funded = f.fundedPercent();
        if (funded != null && funded > 0) {
            template.setColorStroke(BLUE);
            if (funded >= 100) {
                template.circle(c, c, mid);
            } else {
                template.arc(c - mid, c - mid, c + mid, c + mid, 90, (float) (-3.6 * funded));
            }
            template.stroke();
        }
        // The requirement in the hole, like the printed sheet.
        template.beginText();
        template.setColorFill(BLUE);
        template.setFontAndSize(bold, 10.5f);
        template.showTextAligned(Element.ALIGN_CENTER, money(f.fundingRequirement()), c, c + 1, 0);
        template.setColorFill(MUTED);
        template.setFontAndSize(regular, 7);
        template.showTextAligned(Element.ALIGN_CENTER, t.get("factsheet.requirement"), c, c - 9, 0);
        template.endText();
        try {
            Image image = Image.getInstance(template);
            image.setAlt(t.get("factsheetpdf.donut", percent(f.fundedPercent()), percent(f.unfundedPercent())));
            return image;
        } catch (org.openpdf.text.BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    private PdfPCell legend() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPaddingLeft(6);
        cell.addElement(legendEntry(BLUE, t.get("factsheet.funded"), share(f.fundedPercent(), f.funded())));
        cell.addElement(legendEntry(UNFUNDED, t.get("factsheet.unfunded"), share(f.unfundedPercent(), f.unfunded())));
        cell.addElement(legendEntry(null, t.get("factsheet.requirement"), money(f.fundingRequirement())));
        return cell;
    }

    private String share(@Nullable Double percent, Figure amount) {
        return percent == null ? money(amount) : percent(percent) + "  ·  " + money(amount);
    }

    /** A legend entry: colour key and label, then the figures on a line of their own (long labels in sq/sr wrap badly). */
    private Paragraph legendEntry(@Nullable Color color, String label, String figures) {
        Paragraph p = new Paragraph();
        p.setLeading(13);
        p.setSpacingBefore(5);
        // The requirement is the whole ring: a hollow key.
        p.add(new Chunk(color == null ? "□ " : "■ ", font(regular, 11, color == null ? MUTED : color)));
        p.add(new Chunk(label, font(bold, 9.5f, INK)));
        p.add(Chunk.NEWLINE);
        p.add(new Chunk(figures, font(regular, 9.5f, INK)));
        p.setIndentationLeft(0);
        return p;
    }

    // ---------------------------------------------------------------- partners and presence

    private PdfPTable partners() {
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.addCell(plain(section(t.get("factsheet.partners"))));
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
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.addCell(plain(section(t.get("factsheet.presence"))));
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

    // ---------------------------------------------------------------- provenance

    private PdfPTable provenance() {
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.setSpacingBefore(4);
        box.addCell(plain(section(t.get("factsheet.provenance"))));
        String year = String.valueOf(f.year());
        String yearBefore = String.valueOf(f.year() - 1);
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put(t.get("factsheet.asylumSeekers", year), f.asylumSeekers());
        figures.put(t.get("factsheet.asylumSeekers", yearBefore), f.asylumSeekersYearBefore());
        figures.put(t.get("factsheet.stateless"), f.atRiskOfStatelessness());
        figures.put(t.get("factsheet.returnsYear", yearBefore), f.returnsYearBefore());
        figures.put(t.get("factsheet.returnsSince"), f.returnsSince2000());
        figures.put(t.get("population.DISPLACED_WITHIN_KOSOVO"), f.displaced().get(DisplacementPlace.WITHIN_KOSOVO));
        figures.put(t.get("reported.DISPLACED_IN_SERBIA"), f.displaced().get(DisplacementPlace.SERBIA));
        figures.put(t.get("reported.DISPLACED_IN_MONTENEGRO"), f.displaced().get(DisplacementPlace.MONTENEGRO));
        figures.put(t.get("reported.DISPLACED_IN_NORTH_MACEDONIA"), f.displaced().get(DisplacementPlace.NORTH_MACEDONIA));
        figures.put(t.get("factsheetpdf.displacedTotal"), f.displacedTotal());
        figures.put(t.get("population.IN_SHELTERS"), f.shelterPersons());
        figures.put(t.get("reported.FUNDING_REQUIREMENT_USD"), f.fundingRequirement());
        figures.put(t.get("reported.FUNDING_RECEIVED_USD"), f.funded());
        figures.put(t.get("factsheet.unfunded"), f.unfunded());
        figures.put(t.get("reported.STAFF_NATIONAL"), f.staffNational());
        figures.put(t.get("reported.STAFF_INTERNATIONAL"), f.staffInternational());
        figures.put(t.get("reported.INTERNS"), f.interns());
        figures.put(t.get("reported.OFFICES"), f.offices());
        // One line per kind of source; reported figures each with their own source and date.
        Map<Provenance, List<String>> byProvenance = new EnumMap<>(Provenance.class);
        figures.forEach((label, figure) -> byProvenance.computeIfAbsent(figure.provenance(), p -> new ArrayList<>())
                .add(figure.source() == null ? label : label + ": " + figure.source()));
        byProvenance.computeIfAbsent(Provenance.PARTNER_RECORDS, p -> new ArrayList<>()).add(t.get("factsheet.partners"));
        Font label = font(bold, 7.5f, INK);
        Font text = font(regular, 7.5f, INK);
        PdfPCell notes = new PdfPCell();
        notes.setBorder(Rectangle.NO_BORDER);
        notes.setPaddingLeft(0);
        byProvenance.forEach((provenance, labels) -> {
            Paragraph p = new Paragraph();
            p.setLeading(9.5f);
            p.setSpacingAfter(2);
            p.add(new Chunk(capitalised(t.get(provenance.messageKey())) + ": ", label));
            p.add(new Chunk(String.join("; ", labels) + ".", text));
            notes.addElement(p);
        });
        Paragraph rules = paragraph(t.get("factsheet.provenance.text"), font(regular, 7.5f, MUTED), 3);
        rules.setLeading(9.5f);
        notes.addElement(rules);
        if (external) {
            Paragraph small = paragraph(t.get("breakdown.external.note"), font(bold, 7.5f, MUTED), 3);
            small.setLeading(9.5f);
            notes.addElement(small);
        }
        box.addCell(notes);
        return box;
    }

    private String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
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

    // ---------------------------------------------------------------- small helpers

    private PdfPTable twoColumns(PdfPTable left, PdfPTable right, float leftShare) {
        PdfPTable table = new PdfPTable(new float[] {leftShare, 0.06f, 1 - leftShare});
        table.setWidthPercentage(100);
        table.addCell(plain(left));
        table.addCell(blank());
        table.addCell(plain(right));
        table.setSpacingAfter(6);
        return table;
    }

    private static PdfPCell plain(PdfPTable content) {
        PdfPCell cell = new PdfPCell(content);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    private static PdfPCell blank() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    private static PdfPCell row(String text, Font font, int align, int border, Color borderColor) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setBorder(border);
        cell.setBorderColor(borderColor);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(3);
        cell.setPaddingBottom(5);
        cell.setPaddingLeft(align == Element.ALIGN_LEFT ? 0 : 4);
        cell.setPaddingRight(align == Element.ALIGN_RIGHT ? 0 : 4);
        return cell;
    }

    private static Paragraph paragraph(String text, Font font, float spacingBefore) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(spacingBefore);
        p.setLeading(font.getSize() * 1.2f);
        return p;
    }

    private static Font font(BaseFont base, float size, Color color) {
        return new Font(base, size, Font.NORMAL, color);
    }

    private NumberFormat integers() {
        return Formats.integers(locale);
    }

    /** A count of people as published: "&lt;5" for 1 to 4 when for external sharing. */
    private String count(Figure figure) {
        BigDecimal value = figure.value();
        if (value != null && external && value.signum() > 0 && value.compareTo(BigDecimal.valueOf(SmallCells.THRESHOLD)) < 0) {
            return "<" + SmallCells.THRESHOLD;
        }
        return number(figure);
    }

    private String number(Figure figure) {
        BigDecimal value = figure.value();
        return value == null ? t.get("factsheet.notAvailable") : integers().format(value);
    }

    /** Amounts like the printed sheet: "USD 4.08 M" from a million on, else "USD 850,000". */
    private String money(Figure figure) {
        BigDecimal value = figure.value();
        if (value == null) {
            return t.get("factsheet.notAvailable");
        }
        if (value.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            NumberFormat millions = Formats.decimals(locale, 2);
            return t.get("factsheetpdf.millions", millions.format(value.divide(BigDecimal.valueOf(1_000_000), 2, RoundingMode.HALF_UP)));
        }
        return t.get("factsheetpdf.usd", integers().format(value));
    }

    private String percent(@Nullable Double value) {
        if (value == null) {
            return t.get("factsheet.notAvailable");
        }
        return Formats.percent(locale, value);
    }

    private static long longValue(@Nullable Figure figure) {
        return figure == null || figure.value() == null ? 0 : figure.value().longValue();
    }
}
