package org.protectioncases.reports.factsheet;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

/** The factsheet PDF's colours, fonts and the few cell and paragraph shapes all its sections are built from. */
final class FactsheetPdfLayout {

    static final Color BLUE = new Color(0, 114, 188);        // UNHCR blue
    static final Color PALE = new Color(233, 241, 249);
    static final Color UNFUNDED = new Color(178, 205, 232);
    static final Color INK = new Color(51, 51, 51);
    static final Color MUTED = new Color(102, 102, 102);
    static final Color RULE = new Color(204, 214, 224);

    final BaseFont regular;
    final BaseFont bold;
    private final Locale locale;

    FactsheetPdfLayout(Locale locale) {
        this.locale = locale;
        this.regular = font("liberation/LiberationSans-Regular.ttf");
        this.bold = font("liberation/LiberationSans-Bold.ttf");
    }

    /** Loads a TrueType font from the classpath and embeds the used glyphs (Unicode, so ë, ç, š, đ, ć, ž, č print). */
    private static BaseFont font(String resource) {
        try (InputStream in = FactsheetPdfLayout.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the classpath (openpdf-fonts-extra)");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PdfPTable section(String title) {
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

    /** A box of one column: the section's title, then its content. */
    PdfPTable box(String title) {
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.addCell(plain(section(title)));
        return box;
    }

    String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    static PdfPTable twoColumns(PdfPTable left, PdfPTable right, float leftShare) {
        PdfPTable table = new PdfPTable(new float[] {leftShare, 0.06f, 1 - leftShare});
        table.setWidthPercentage(100);
        table.addCell(plain(left));
        table.addCell(blank());
        table.addCell(plain(right));
        table.setSpacingAfter(6);
        return table;
    }

    static PdfPCell plain(PdfPTable content) {
        PdfPCell cell = new PdfPCell(content);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    static PdfPCell blank() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    static PdfPCell row(String text, Font font, int align, int border, Color borderColor) {
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

    static Paragraph paragraph(String text, Font font, float spacingBefore) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(spacingBefore);
        p.setLeading(font.getSize() * 1.2f);
        return p;
    }

    static Font font(BaseFont base, float size, Color color) {
        return new Font(base, size, Font.NORMAL, color);
    }
}
