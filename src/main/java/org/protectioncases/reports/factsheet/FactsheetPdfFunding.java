package org.protectioncases.reports.factsheet;

import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.BLUE;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.INK;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.MUTED;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.RULE;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.UNFUNDED;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.font;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.plain;

import java.awt.Color;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.BadElementException;
import org.openpdf.text.Chunk;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/** The factsheet PDF's funding box: a donut drawn as vector arcs and its legend. */
final class FactsheetPdfFunding {

    private final Factsheet f;
    private final FactsheetPdf.Texts t;
    private final FactsheetPdfLayout layout;
    private final FactsheetPdfNumbers numbers;

    FactsheetPdfFunding(Factsheet f, FactsheetPdf.Texts texts, FactsheetPdfLayout layout, FactsheetPdfNumbers numbers) {
        this.f = f;
        this.t = texts;
        this.layout = layout;
        this.numbers = numbers;
    }

    PdfPTable box(PdfWriter writer) {
        PdfPTable box = layout.box(t.get("factsheet.funding", String.valueOf(f.year())));
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
        template.setFontAndSize(layout.bold, 10.5f);
        template.showTextAligned(Element.ALIGN_CENTER, numbers.money(f.fundingRequirement()), c, c + 1, 0);
        template.setColorFill(MUTED);
        template.setFontAndSize(layout.regular, 7);
        template.showTextAligned(Element.ALIGN_CENTER, t.get("factsheet.requirement"), c, c - 9, 0);
        template.endText();
        try {
            Image image = Image.getInstance(template);
            image.setAlt(t.get("factsheetpdf.donut", numbers.percent(f.fundedPercent()), numbers.percent(f.unfundedPercent())));
            return image;
        } catch (BadElementException e) {
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
        cell.addElement(legendEntry(null, t.get("factsheet.requirement"), numbers.money(f.fundingRequirement())));
        return cell;
    }

    private String share(@Nullable Double percent, Figure amount) {
        return percent == null ? numbers.money(amount) : numbers.percent(percent) + "  ·  " + numbers.money(amount);
    }

    /** A legend entry: colour key and label, then the figures on a line of their own (long labels in sq/sr wrap badly). */
    private Paragraph legendEntry(@Nullable Color color, String label, String figures) {
        Paragraph p = new Paragraph();
        p.setLeading(13);
        p.setSpacingBefore(5);
        // The requirement is the whole ring: a hollow key.
        p.add(new Chunk(color == null ? "□ " : "■ ", font(layout.regular, 11, color == null ? MUTED : color)));
        p.add(new Chunk(label, font(layout.bold, 9.5f, INK)));
        p.add(Chunk.NEWLINE);
        p.add(new Chunk(figures, font(layout.regular, 9.5f, INK)));
        p.setIndentationLeft(0);
        return p;
    }
}
