package org.protectioncases.attachments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.servlet.ServletResponse;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.protectioncases.attachments.AttachmentDownload;
import org.protectioncases.attachments.AttachmentInfo;
import org.protectioncases.attachments.AttachmentNotFoundException;
import org.protectioncases.attachments.AttachmentService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.validation.TextRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * The attachments of one record: a list with download links and, for those who may attach, an
 * upload for PDF, JPEG and PNG files. A file the server refuses shows the reason in its row of the
 * upload (too big: the limit; wrong type: the accepted types; a PDF with active content: what it
 * carries); one the browser refuses before sending it has no row and is named below the upload.
 * Every text is in the user's language. Put on the owner's page only when the user may see the record.
 */
public class AttachmentsPanel extends Div {

    private static final Logger log = LoggerFactory.getLogger(AttachmentsPanel.class);
    private static final DateTimeFormatter TIME = Formats.MOMENT;
    /**
     * By name only: Vaadin checks MIME types and extensions on the server too, both having to match, and a browser's
     * MIME type for a file varies by system; the service checks the type from the content anyway.
     */
    private static final String[] ACCEPTED = {".pdf", ".jpg", ".jpeg", ".png"};
    /** Why the service refuses a PDF (active content, encryption, damage): field errors of {@link AttachmentService#FILE_FIELD}. */
    private static final List<String> PDF_REASONS = List.of("attachment.validation.pdfScript", "attachment.validation.pdfLaunch",
            "attachment.validation.pdfEmbedded", "attachment.validation.pdfEncrypted", "attachment.validation.pdfUnreadable");
    /**
     * A file the server refuses comes back as HTTP 422 with the reason in Flow's JSON ({@code rejected[0].reason}); the
     * upload would show its fixed "forbidden" text instead. This puts the reason in the file's row, before the upload
     * announces the error to screen readers (a capturing listener runs before the component's own).
     */
    private static final String SHOW_SERVER_REASON = """
            if (!this.__serverReason) {
              this.__serverReason = true;
              this.addEventListener('upload-error', e => {
                const xhr = e.detail.xhr;
                if (!xhr || xhr.status !== 422) return;
                try {
                  const rejected = JSON.parse(xhr.responseText).rejected;
                  if (rejected && rejected.length && rejected[0].reason) e.detail.file.error = rejected[0].reason;
                } catch (ignored) {
                  // keep the translated general text
                }
              }, true);
            }""";

    private final AttachmentService service;
    private final String ownerKind;
    private final long ownerId;
    private final boolean canAttach;
    private final long maxSize;
    private final Grid<AttachmentInfo> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final Div errors = new Div();
    /** File name to reason, for the files refused since the panel opened (cleared when the file is removed or succeeds). */
    private final Map<String, String> refused = new LinkedHashMap<>();
    /** Texts the upload request (not the UI thread) needs, translated up front. */
    private final Map<String, String> reasons = new LinkedHashMap<>();

    public AttachmentsPanel(AttachmentService service, String ownerKind, long ownerId) {
        this.service = service;
        this.ownerKind = ownerKind;
        this.ownerId = ownerId;
        this.canAttach = service.canAttach(ownerKind, ownerId);
        this.maxSize = service.maxSize();
        addClassName("attachments");
        reasons.put("attachment.validation.tooLarge", getTranslation("attachment.validation.tooLarge", size(maxSize)));
        reasons.put("attachment.validation.type", getTranslation("attachment.validation.type"));
        reasons.put("attachment.validation.empty", getTranslation("attachment.validation.empty"));
        for (String key : PDF_REASONS) {
            reasons.put(key, getTranslation(key));
        }
        reasons.put("attachment.failed", getTranslation("attachment.failed"));
        reasons.put(TextRules.TOO_LONG, getTranslation(TextRules.TOO_LONG, AttachmentService.FILE_NAME_MAX));
        reasons.put(TextRules.CONTROL_CHARACTERS, getTranslation(TextRules.CONTROL_CHARACTERS));

        H3 title = new H3(getTranslation("attachment.title"));
        add(title);
        if (canAttach) {
            add(upload());
        }
        empty.setText(getTranslation("attachment.none"));
        grid.addComponentColumn(this::downloadLink).setHeader(getTranslation("attachment.fileName")).setFlexGrow(1);
        grid.addColumn(a -> typeLabel(a.contentType())).setHeader(getTranslation("attachment.type")).setAutoWidth(true);
        grid.addColumn(a -> size(a.size())).setHeader(getTranslation("attachment.size")).setAutoWidth(true);
        grid.addColumn(AttachmentInfo::uploadedBy).setHeader(getTranslation("attachment.uploadedBy")).setAutoWidth(true);
        grid.addColumn(a -> TIME.format(a.uploadedAt())).setHeader(getTranslation("attachment.uploadedAt")).setAutoWidth(true);
        if (canAttach) {
            grid.addComponentColumn(this::deleteButton).setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("attachment.title"));
        add(empty, grid);
        refresh();
    }

    private Component upload() {
        Upload upload = new Upload(this::receive);
        // Raw bodies are streamed straight to the service (no multipart parsing and its 1 MB default limit).
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setAcceptedFileExtensions(ACCEPTED);
        upload.setMaxFileSize((int) maxSize);
        upload.setI18n(i18n());
        upload.addAttachListener(e -> upload.getElement().executeJs(SHOW_SERVER_REASON));
        // The browser refuses too-big or wrong-type files before sending them; say so next to the upload.
        upload.addFileRejectedListener(e -> refuse(e.getFileName(), e.getErrorMessage()));
        upload.addFileRemovedListener(e -> {
            refused.remove(e.getFileName());
            showErrors();
        });
        Paragraph help = new Paragraph(getTranslation("attachment.upload.help", size(maxSize)));
        help.addClassName("help");
        errors.addClassName("field-error");
        errors.getElement().setAttribute("role", "alert");
        return new Div(upload, help, errors);
    }

    /** Every text the upload shows, in the user's language (Vaadin's defaults are English). */
    private UploadI18N i18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("attachment.upload.add")).setMany(getTranslation("attachment.upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("attachment.upload.drop")).setMany(getTranslation("attachment.upload.drop")));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(reasons.get("attachment.validation.tooLarge"))
                .setIncorrectFileType(reasons.get("attachment.validation.type"))
                .setTooManyFiles(getTranslation("attachment.upload.tooMany")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(getTranslation("attachment.upload.connecting"))
                        .setStalled(getTranslation("attachment.upload.stalled"))
                        .setProcessing(getTranslation("attachment.upload.processing"))
                        .setHeld(getTranslation("attachment.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(getTranslation("attachment.upload.remaining") + " ")
                        .setUnknown(getTranslation("attachment.upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(getTranslation("attachment.upload.serverUnavailable"))
                        .setUnexpectedServerError(reasons.get("attachment.failed"))
                        .setForbidden(getTranslation("attachment.upload.forbidden"))
                        .setFileTooLarge(reasons.get("attachment.validation.tooLarge"))));
        i18n.setFile(new UploadI18N.File()
                .setRetry(getTranslation("attachment.upload.retry"))
                .setStart(getTranslation("attachment.upload.start"))
                .setRemove(getTranslation("attachment.upload.remove")));
        return i18n;
    }

    /** Runs in the upload request, not on the UI thread: the UI is changed through {@code access}. */
    private void receive(UploadEvent event) {
        String name = event.getFileName();
        String reason = null;
        if (event.getFileSize() > maxSize) {
            reason = reasons.get("attachment.validation.tooLarge");
        } else {
            try {
                service.attach(ownerKind, ownerId, name, event.getInputStream());
            } catch (FieldValidationException e) {
                // The file itself, or its name (too long, control characters), is what the user must change.
                String key = e.fieldErrors().getOrDefault(AttachmentService.FILE_FIELD, e.fieldErrors().get("fileName"));
                reason = reasons.getOrDefault(key, reasons.get("attachment.failed"));
            } catch (RuntimeException e) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Attachment upload failed, reference {}", reference, e);
                reason = reasons.get("attachment.failed") + " (" + reference + ")";
            }
        }
        if (reason != null) {
            // The reason goes back with the refusal and is shown (and announced) in the file's row: one message.
            if (event.getResponse() instanceof ServletResponse response) {
                // Flow writes the refusal as JSON with no charset (ISO-8859-1): ë, š, ć would arrive as "?".
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            }
            event.reject(reason);
            return;
        }
        event.getUI().access(() -> {
            refused.remove(name);
            showErrors();
            refresh();
            Notifications.success(getTranslation("attachment.added", name));
        });
    }

    private void refuse(String fileName, String reason) {
        refused.put(fileName, reason);
        showErrors();
    }

    private void showErrors() {
        errors.removeAll();
        refused.forEach((file, reason) -> errors.add(new Paragraph(getTranslation("attachment.refused", file, reason))));
    }

    private void refresh() {
        var items = service.list(ownerKind, ownerId);
        grid.setItems(items);
        grid.setVisible(!items.isEmpty());
        empty.setVisible(items.isEmpty());
    }

    private Component downloadLink(AttachmentInfo a) {
        long id = a.id();
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            try {
                AttachmentDownload d = service.download(id);
                return new DownloadResponse(d.openStream(), d.fileName(), d.contentType(), d.size());
            } catch (AttachmentNotFoundException | AccessDeniedException e) {
                return DownloadResponse.error(HttpStatusCode.NOT_FOUND);
            }
        });
        Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, a.fileName());
        link.getElement().setAttribute("aria-label", getTranslation("attachment.download", a.fileName(), typeLabel(a.contentType()), size(a.size())));
        return link;
    }

    private Component deleteButton(AttachmentInfo a) {
        Button delete = new Button(getTranslation("attachment.delete"), e -> confirmDelete(a));
        delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        delete.setAriaLabel(getTranslation("attachment.deleteNamed", a.fileName()));
        return delete;
    }

    private void confirmDelete(AttachmentInfo a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("attachment.deleteNamed", a.fileName()));
        dialog.add(new Paragraph(getTranslation("attachment.deleteConfirm")));
        Button confirm = new Button(getTranslation("attachment.delete"), e -> {
            try {
                service.delete(a.id());
                Notifications.success(getTranslation("attachment.deleted", a.fileName()));
            } catch (AttachmentNotFoundException ex) {
                Notifications.error(getTranslation("attachment.gone"));
            }
            dialog.close();
            refresh();
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private static String typeLabel(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> "PDF";
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            default -> contentType;
        };
    }

    private String size(long bytes) {
        NumberFormat number = Formats.upTo(getLocale(), 1);
        if (bytes >= 1024 * 1024) {
            return getTranslation("attachment.size.mb", number.format(bytes / (1024.0 * 1024.0)));
        }
        return getTranslation("attachment.size.kb", number.format(Math.max(1, Math.ceil(bytes / 1024.0))));
    }
}
