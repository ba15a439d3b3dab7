package org.protectioncases.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/**
 * Real PDFs for attachment tests, made with PDFBox: a clean one, and ones that carry what a reader
 * could run or hand on (JavaScript, launch actions, embedded files). {@code compressed} saves them
 * the way PDFBox 3 and modern tools do, with the objects packed into compressed object streams, so
 * the words a byte search would look for are not in the file.
 */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** One page saying {@code text}, nothing active; plain (uncompressed) objects. */
    public static byte[] clean(String text) {
        return build(text, false, doc -> { });
    }

    /** A document that runs JavaScript when opened ({@code /OpenAction} with {@code /S /JavaScript /JS ...}). */
    public static byte[] openActionJavaScript(boolean compressed) {
        return build("Decision", compressed, doc -> doc.getDocumentCatalog().setOpenAction(
                new PDActionJavaScript("app.launchURL('http://example.org/?' + this.info.Title, true);")));
    }

    /** JavaScript that runs when the first page opens (a page's additional actions, {@code /AA /O}). */
    public static byte[] pageOpenJavaScript(boolean compressed) {
        return build("Decision", compressed, doc -> {
            PDPageAdditionalActions actions = new PDPageAdditionalActions();
            actions.setO(new PDActionJavaScript("app.alert('opened');"));
            doc.getPage(0).setActions(actions);
        });
    }

    /** A link that starts a program ({@code /S /Launch}). */
    public static byte[] launchAction(boolean compressed) {
        return build("Decision", compressed, doc -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDSimpleFileSpecification(new COSString("C:\\Windows\\System32\\calc.exe")));
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 700, 200, 20));
            link.setAction(launch);
            doc.getPage(0).getAnnotations().add(link);
        });
    }

    /** Another file carried inside ({@code /EmbeddedFiles} name tree). */
    public static byte[] embeddedFile(boolean compressed) {
        return build("Decision", compressed, doc -> {
            PDComplexFileSpecification file = fileSpecification(doc);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("invoice.exe", file));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
        });
    }

    /** Another file carried in a file attachment annotation on the page. */
    public static byte[] fileAttachmentAnnotation(boolean compressed) {
        return build("Decision", compressed, doc -> {
            PDAnnotationFileAttachment annotation = new PDAnnotationFileAttachment();
            annotation.setRectangle(new PDRectangle(72, 700, 20, 20));
            annotation.setFile(fileSpecification(doc));
            doc.getPage(0).getAnnotations().add(annotation);
        });
    }

    /** Protected with a password that is needed to open it. */
    public static byte[] encrypted() {
        return build("Decision", false, doc -> {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
        });
    }

    /**
     * A launch action written by hand with its names escaped ({@code /S /L#61unch}, which is {@code /Launch}):
     * what a parser decodes and a byte search misses.
     */
    public static byte[] escapedNameLaunch() {
        return handWritten(List.of(
                "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
                "<< /S /L#61unch /F (calc.exe) >>"));
    }

    private interface Change {
        void apply(PDDocument doc) throws IOException;
    }

    private static PDComplexFileSpecification fileSpecification(PDDocument doc) throws IOException {
        PDEmbeddedFile embedded = new PDEmbeddedFile(doc, new ByteArrayInputStream("MZ pretend program".getBytes(StandardCharsets.US_ASCII)));
        embedded.setSubtype("application/octet-stream");
        PDComplexFileSpecification file = new PDComplexFileSpecification();
        file.setFile("invoice.exe");
        file.setEmbeddedFile(embedded);
        return file;
    }

    private static byte[] build(String text, boolean compressed, Change change) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            change.apply(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, compressed ? CompressParameters.DEFAULT_COMPRESSION : CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] handWritten(List<String> objects) {
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
