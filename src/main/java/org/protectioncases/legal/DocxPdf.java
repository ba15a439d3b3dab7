package org.protectioncases.legal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A plain PDF of a filled document: its text paragraph by paragraph (bold, size and alignment of
 * the runs kept), tables as simple grids, the header's text above and the footer's below, on A4 in
 * Liberation Sans (so ë, ç, š, ž, đ, ć print). Not a layout engine: pictures, columns, exact spacing
 * and the letterhead's graphics are left out; the DOCX is the faithful copy (docs/legal.md).
 */
final class DocxPdf {

    private static final float DEFAULT_SIZE = 11f;

    private final BaseFont regular = font("liberation/LiberationSans-Regular.ttf");
    private final BaseFont bold = font("liberation/LiberationSans-Bold.ttf");

    private static BaseFont font(String resource) {
        try (InputStream in = DocxPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the classpath (openpdf-fonts-extra)");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(XWPFDocument docx, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 62, 62, 56, 56);
        PdfWriter.getInstance(pdf, out);
        pdf.addTitle(title);
        pdf.open();
        docx.getHeaderList().stream().findFirst().ifPresent(h -> elements(pdf, h.getBodyElements(), Color.DARK_GRAY));
        elements(pdf, docx.getBodyElements(), Color.BLACK);
        docx.getFooterList().stream().findFirst().ifPresent(f -> elements(pdf, f.getBodyElements(), Color.DARK_GRAY));
        pdf.close();
        return out.toByteArray();
    }

    private void elements(Document pdf, List<IBodyElement> elements, Color color) {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph p) {
                if (p.isPageBreak()) {
                    pdf.newPage();
                }
                pdf.add(paragraph(p, color));
            } else if (element instanceof XWPFTable t) {
                pdf.add(table(t, color));
            }
        }
    }

    private Paragraph paragraph(XWPFParagraph p, Color color) {
        Paragraph paragraph = new Paragraph();
        float size = DEFAULT_SIZE;
        for (XWPFRun run : p.getRuns()) {
            Double runSize = run.getFontSizeAsDouble();
            if (runSize != null) {
                size = runSize.floatValue();
            }
            Font font = new Font(run.isBold() ? bold : regular, size, Font.NORMAL, color);
            String text = run.text();
            if (!text.isEmpty()) {
                paragraph.add(new Chunk(text.replace('\t', ' '), font));
            }
        }
        if (paragraph.isEmpty()) {
            paragraph.add(new Chunk(" ", new Font(regular, size)));
        }
        paragraph.setLeading(size * 1.35f);
        paragraph.setSpacingAfter(p.getSpacingAfter() > 0 ? p.getSpacingAfter() / 20f : 3f);
        paragraph.setAlignment(switch (p.getAlignment()) {
            case CENTER -> Element.ALIGN_CENTER;
            case RIGHT -> Element.ALIGN_RIGHT;
            case BOTH, DISTRIBUTE -> Element.ALIGN_JUSTIFIED;
            default -> Element.ALIGN_LEFT;
        });
        return paragraph;
    }

    private PdfPTable table(XWPFTable t, Color color) {
        int columns = Math.max(1, t.getRows().stream().mapToInt(r -> r.getTableCells().size()).max().orElse(1));
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setSpacingAfter(6);
        for (XWPFTableRow row : t.getRows()) {
            int filled = 0;
            for (XWPFTableCell cell : row.getTableCells()) {
                PdfPCell pdfCell = new PdfPCell();
                for (XWPFParagraph p : cell.getParagraphs()) {
                    pdfCell.addElement(paragraph(p, color));
                }
                table.addCell(pdfCell);
                filled++;
            }
            for (; filled < columns; filled++) {
                table.addCell(new PdfPCell());
            }
        }
        return table;
    }

}
