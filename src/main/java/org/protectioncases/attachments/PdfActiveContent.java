package org.protectioncases.attachments;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.jspecify.annotations.Nullable;

/**
 * Finds what a PDF reader could run or hand on by itself: JavaScript (document, page, field and
 * annotation actions, the {@code /JavaScript} name tree), launch actions, embedded files and file
 * attachment annotations, and automatic actions ({@code /AA}). A PDF that has any of them is
 * refused, so no attachment carries them to the next reader.
 *
 * <p>Every object in the cross-reference table is read with PDFBox, including the ones packed
 * (compressed) in object streams; names are compared decoded ({@code /J#61vaScript} is
 * {@code /JavaScript}), which a byte search would miss. Encrypted PDFs cannot be checked and are
 * refused, as are files PDFBox cannot parse.
 */
final class PdfActiveContent {

    /** Why a PDF is refused; each is a message key of the upload's field error. */
    enum Finding {
        JAVASCRIPT("attachment.validation.pdfScript"),
        LAUNCH("attachment.validation.pdfLaunch"),
        EMBEDDED_FILE("attachment.validation.pdfEmbedded"),
        ENCRYPTED("attachment.validation.pdfEncrypted"),
        UNREADABLE("attachment.validation.pdfUnreadable");

        private final String messageKey;

        Finding(String messageKey) {
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    /** Action types ({@code /S}) that run code or open other programs or files. */
    private static final Set<String> SCRIPT_ACTIONS = Set.of("JavaScript", "Rendition", "RichMediaExecute", "ImportData");
    private static final Set<String> LAUNCH_ACTIONS = Set.of("Launch");
    private static final Set<String> EMBEDDED_ACTIONS = Set.of("GoToE");
    /** Keys whose mere presence means script or embedded content ({@code /AA}: actions that run on open, close, focus...). */
    private static final Set<String> SCRIPT_KEYS = Set.of("JS", "JavaScript", "AA");
    private static final Set<String> EMBEDDED_KEYS = Set.of("EmbeddedFiles", "EmbeddedFile", "EF", "RichMediaContent");
    private static final Set<String> EMBEDDED_TYPES = Set.of("EmbeddedFile", "FileAttachment", "RichMedia");

    private PdfActiveContent() {
    }

    /** The first reason to refuse {@code pdf}, or null when it carries nothing active. */
    static @Nullable Finding check(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted()) {
                return Finding.ENCRYPTED;
            }
            COSDocument cos = document.getDocument();
            Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            @Nullable Finding finding = scan(cos.getTrailer(), seen);
            for (COSObjectKey key : cos.getXrefTable().keySet()) {
                if (finding != null) {
                    return finding;
                }
                COSObject object = cos.getObjectFromPool(key);
                finding = scan(object.getObject(), seen);
            }
            return finding;
        } catch (InvalidPasswordException e) {
            return Finding.ENCRYPTED;
        } catch (IOException | RuntimeException e) {
            // PDFBox reads damaged files leniently; what it still cannot read, we cannot check.
            return Finding.UNREADABLE;
        }
    }

    /** Walks one object and everything it holds directly; referenced objects are reached through the xref table. */
    private static @Nullable Finding scan(@Nullable COSBase root, Set<COSBase> seen) {
        Deque<COSBase> todo = new ArrayDeque<>();
        if (root != null) {
            todo.push(root);
        }
        while (!todo.isEmpty()) {
            COSBase base = todo.pop();
            if (base instanceof COSObject || !seen.add(base)) {
                continue;
            }
            if (base instanceof COSDictionary dictionary) {
                @Nullable Finding finding = inspect(dictionary);
                if (finding != null) {
                    return finding;
                }
                dictionary.getValues().forEach(todo::push);
            } else if (base instanceof COSArray array) {
                array.forEach(todo::push);
            }
        }
        return null;
    }

    private static @Nullable Finding inspect(COSDictionary dictionary) {
        for (COSName key : dictionary.keySet()) {
            String name = key.getName();
            if (SCRIPT_KEYS.contains(name)) {
                return Finding.JAVASCRIPT;
            }
            if (EMBEDDED_KEYS.contains(name)) {
                return Finding.EMBEDDED_FILE;
            }
        }
        String action = name(dictionary, COSName.S);
        if (action != null) {
            if (SCRIPT_ACTIONS.contains(action)) {
                return Finding.JAVASCRIPT;
            }
            if (LAUNCH_ACTIONS.contains(action)) {
                return Finding.LAUNCH;
            }
            if (EMBEDDED_ACTIONS.contains(action)) {
                return Finding.EMBEDDED_FILE;
            }
        }
        String type = name(dictionary, COSName.TYPE);
        String subtype = name(dictionary, COSName.SUBTYPE);
        if ((type != null && EMBEDDED_TYPES.contains(type)) || (subtype != null && EMBEDDED_TYPES.contains(subtype))) {
            return Finding.EMBEDDED_FILE;
        }
        return null;
    }

    private static @Nullable String name(COSDictionary dictionary, COSName key) {
        return dictionary.getDictionaryObject(key) instanceof COSName value ? value.getName() : null;
    }
}
