package org.protectioncases.legal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;

/**
 * A DOCX template in Apache POI's object model: checked when it is read (a Word document, no macros
 * or ActiveX, no external links that Word would fetch), its {@code {{placeholders}}} listed and
 * filled paragraph by paragraph. Word splits typed text into runs at will (spell checking, edits,
 * formatting), so a placeholder is looked for in the paragraph's whole text and replaced across the
 * runs it spans, keeping the formatting of the run where it starts. Body, tables (nested too),
 * headers and footers are filled; text boxes, footnotes and comments are not (said in docs/legal.md).
 */
final class DocxTemplate implements AutoCloseable {

    /** What is wrong with an uploaded file; {@code messageKey} is shown next to the upload. */
    static final class Problem extends Exception {
        private final String messageKey;

        Problem(String messageKey, String message) {
            super(message);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    /** {{ name }}: letters, digits and dots; anything else between double braces is reported as it is. */
    static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([^{}]{0,80}?)\\s*}}");
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final XWPFDocument document;

    private DocxTemplate(XWPFDocument document) {
        this.document = document;
    }

    /** Reads and checks a template; {@link Problem} says why a file is refused. */
    static DocxTemplate read(byte[] bytes) throws Problem {
        if (bytes.length < ZIP.length || !Arrays.equals(bytes, 0, ZIP.length, ZIP, 0, ZIP.length)) {
            throw new Problem("legal.template.notDocx", "not a ZIP (DOCX) file");
        }
        XWPFDocument document;
        try {
            document = new XWPFDocument(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            // POI says "not OOXML", "empty", "broken ZIP" or "bad XML" with many runtime exceptions: all mean the same to the uploader.
            throw new Problem("legal.template.notDocx", "not a Word document: " + e.getMessage());
        }
        DocxTemplate template = new DocxTemplate(document);
        try {
            template.checkActiveContent();
        } catch (Problem p) {
            template.close();
            throw p;
        }
        return template;
    }

    /** Macros (a .docm, a vbaProject part), ActiveX controls and links Word would follow by itself are refused. */
    private void checkActiveContent() throws Problem {
        try {
            for (PackagePart part : document.getPackage().getParts()) {
                String name = part.getPartName().getName().toLowerCase(Locale.ROOT);
                String type = part.getContentType().toLowerCase(Locale.ROOT);
                if (name.contains("vbaproject") || name.contains("vbadata") || type.contains("macroenabled") || type.contains("vbaproject")) {
                    throw new Problem("legal.template.macros", "macros in " + name);
                }
                if (name.contains("/activex/") || type.contains("activex")) {
                    throw new Problem("legal.template.macros", "ActiveX in " + name);
                }
                if (part.isRelationshipPart()) {
                    continue;
                }
                for (PackageRelationship rel : part.getRelationships()) {
                    external(rel);
                }
            }
            for (PackageRelationship rel : document.getPackage().getRelationships()) {
                external(rel);
            }
        } catch (InvalidFormatException e) {
            throw new Problem("legal.template.notDocx", "broken package: " + e.getMessage());
        }
    }

    /** An attached template or linked object on another server is fetched when the file opens; a hyperlink only when clicked. */
    private static void external(PackageRelationship rel) throws Problem {
        if (rel.getTargetMode() == TargetMode.EXTERNAL && !rel.getRelationshipType().endsWith("/hyperlink")) {
            throw new Problem("legal.template.external", "external " + rel.getRelationshipType() + " -> " + rel.getTargetURI());
        }
    }

    /** Every placeholder name written in the template, in order of appearance, each once. */
    Set<String> tokens() {
        Set<String> tokens = new LinkedHashSet<>();
        for (XWPFParagraph p : paragraphs()) {
            Matcher m = TOKEN.matcher(p.getText());
            while (m.find()) {
                tokens.add(m.group(1).strip());
            }
        }
        return tokens;
    }

    /** Replaces every placeholder with {@code value.apply(name)}. */
    void fill(Function<String, String> value) {
        for (XWPFParagraph p : paragraphs()) {
            fill(p, value);
        }
    }

    /**
     * Rewrites the template's own text with {@code convert} (Serbian Latin into Cyrillic), leaving
     * every {@code {{placeholder}}} as written so it is still filled afterwards. Text is converted in
     * place, element by element, so runs, tabs, breaks and formatting stay exactly as they were; a
     * word that Word split across runs is converted in pieces, which letter-by-letter
     * transliteration allows (only a digraph such as "nj" split across two runs would read wrongly).
     */
    void transliterate(UnaryOperator<String> convert) {
        for (XWPFParagraph p : paragraphs()) {
            List<XWPFRun> runs = p.getRuns();
            String full = String.join("", runs.stream().map(DocxTemplate::text).toList());
            boolean[] placeholder = new boolean[full.length()];
            Matcher m = TOKEN.matcher(full);
            while (m.find()) {
                Arrays.fill(placeholder, m.start(), m.end(), true);
            }
            int offset = 0;
            for (XWPFRun run : runs) {
                CTR ctr = run.getCTR();
                for (int i = 0; i < ctr.sizeOfTArray(); i++) {
                    String text = ctr.getTArray(i).getStringValue();
                    StringBuilder out = new StringBuilder(text.length());
                    int start = 0;
                    while (start < text.length()) {
                        boolean kept = placeholder[offset + start];
                        int end = start;
                        while (end < text.length() && placeholder[offset + end] == kept) {
                            end++;
                        }
                        String piece = text.substring(start, end);
                        out.append(kept ? piece : convert.apply(piece));
                        start = end;
                    }
                    ctr.getTArray(i).setStringValue(out.toString());
                    offset += text.length();
                }
            }
        }
    }

    XWPFDocument document() {
        return document;
    }

    byte[] docx() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            // Read from memory: nothing to release that could fail meaningfully.
        }
    }

    /** Paragraphs of the body, tables (nested), headers and footers. */
    List<XWPFParagraph> paragraphs() {
        List<XWPFParagraph> all = new ArrayList<>();
        document.getHeaderList().forEach(h -> collect(h, all));
        collect(document, all);
        document.getFooterList().forEach(f -> collect(f, all));
        return all;
    }

    private static void collect(IBody body, List<XWPFParagraph> into) {
        for (IBodyElement element : body.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                into.add(p);
            } else if (element instanceof XWPFTable t) {
                for (XWPFTableRow row : t.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        collect(cell, into);
                    }
                }
            }
        }
    }

    /**
     * Finds each placeholder in the joined text of the paragraph's runs and rewrites the runs it
     * spans: the first keeps the text before it plus the value, the middle ones are emptied, the last
     * keeps the text after it. The search goes on after the value, so a value that looks like a
     * placeholder is never filled again.
     */
    static void fill(XWPFParagraph paragraph, Function<String, String> value) {
        List<XWPFRun> runs = paragraph.getRuns();
        int from = 0;
        while (true) {
            List<String> texts = runs.stream().map(DocxTemplate::text).toList();
            String full = String.join("", texts);
            Matcher m = TOKEN.matcher(full);
            if (from > full.length() || !m.find(from)) {
                return;
            }
            String replacement = value.apply(m.group(1).strip()).replace("\r", "").replace('\n', ' ');
            int[] start = locate(texts, m.start());
            int[] end = locate(texts, m.end() - 1);
            String first = texts.get(start[0]);
            if (start[0] == end[0]) {
                set(runs.get(start[0]), first.substring(0, start[1]) + replacement + first.substring(end[1] + 1));
            } else {
                set(runs.get(start[0]), first.substring(0, start[1]) + replacement);
                for (int i = start[0] + 1; i < end[0]; i++) {
                    set(runs.get(i), "");
                }
                set(runs.get(end[0]), texts.get(end[0]).substring(end[1] + 1));
            }
            from = m.start() + replacement.length();
        }
    }

    /** The run and the offset in it of a character of the paragraph's joined text. */
    private static int[] locate(List<String> texts, int index) {
        int offset = index;
        for (int i = 0; i < texts.size(); i++) {
            if (offset < texts.get(i).length()) {
                return new int[] {i, offset};
            }
            offset -= texts.get(i).length();
        }
        throw new IllegalStateException("index " + index + " beyond the paragraph's text");
    }

    /** The run's text elements joined (tabs and breaks between them are not text). */
    static String text(XWPFRun run) {
        StringBuilder text = new StringBuilder();
        CTR ctr = run.getCTR();
        for (int i = 0; i < ctr.sizeOfTArray(); i++) {
            text.append(ctr.getTArray(i).getStringValue());
        }
        return text.toString();
    }

    private static void set(XWPFRun run, String text) {
        CTR ctr = run.getCTR();
        for (int i = ctr.sizeOfTArray() - 1; i >= 1; i--) {
            ctr.removeT(i);
        }
        if (ctr.sizeOfTArray() == 0) {
            run.setText(text);
        } else {
            run.setText(text, 0);
        }
    }
}
