package org.protectioncases.imports.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.servlet.ServletResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.protectioncases.imports.ColumnMapping;
import org.protectioncases.imports.ImportFileException;
import org.protectioncases.imports.ImportJobs;
import org.protectioncases.imports.ImportKind;
import org.protectioncases.imports.ImportService;
import org.protectioncases.imports.UploadedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import page's upload: the field with its translated texts, and the receiving of a file, which
 * runs in the upload request, not on the UI thread, so the page is changed through {@code access}.
 */
final class FileUpload implements UploadHandler {

    private static final Logger log = LoggerFactory.getLogger(ImportView.class);
    private static final String AUTO = "auto";

    private final ImportService service;
    private final ImportJobs jobs;
    private final Supplier<ImportKind> kind;
    private final Supplier<@Nullable String> encoding;
    private final BiConsumer<UploadedFile, ColumnMapping> read;
    private final Consumer<String> refused;

    /** {@code kind}: the chosen kind, which the request thread may read (it must not read components). */
    FileUpload(ImportService service, ImportJobs jobs, Supplier<ImportKind> kind, Supplier<@Nullable String> encoding,
               BiConsumer<UploadedFile, ColumnMapping> read, Consumer<String> refused) {
        this.service = service;
        this.jobs = jobs;
        this.kind = kind;
        this.encoding = encoding;
        this.read = read;
        this.refused = refused;
    }

    /** The CSV encodings offered: detected, or one of those Kosovo's offices save in. */
    static void encodings(Select<String> encoding) {
        encoding.setLabel(encoding.getTranslation("import.encoding"));
        encoding.setItems(AUTO, "UTF-8", "windows-1250", "windows-1252");
        encoding.setItemLabelGenerator(e -> AUTO.equals(e) ? encoding.getTranslation("import.encoding.auto") : e);
        encoding.setValue(AUTO);
        encoding.setHelperText(encoding.getTranslation("import.encoding.help"));
    }

    static Upload upload(FileUpload handler, Consumer<String> rejected) {
        Upload upload = new Upload(handler);
        upload.setUploadFormat(UploadFormat.RAW);
        // By name only: Vaadin also checks MIME types on the server, and Windows sends a .csv as application/vnd.ms-excel.
        upload.setAcceptedFileExtensions(".xlsx", ".csv");
        upload.setMaxFileSize(ImportView.MAX_UPLOAD_BYTES);
        upload.setMaxFiles(1);
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(upload.getTranslation("import.upload.add"))
                .setMany(upload.getTranslation("import.upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(upload.getTranslation("import.upload.drop"))
                .setMany(upload.getTranslation("import.upload.drop")));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(upload.getTranslation("import.file.tooLarge"))
                .setIncorrectFileType(upload.getTranslation("import.file.type")).setTooManyFiles(upload.getTranslation("import.upload.one")));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(e -> rejected.accept(e.getErrorMessage()));
        return upload;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) {
        UI ui = event.getUI();
        String choice = encoding.get();
        Charset charset = choice == null || AUTO.equals(choice) ? null : Charset.forName(choice);
        try {
            UploadedFile file = service.read(event.getFileName(), event.getInputStream(), charset);
            jobs.dismiss(); // a new file: the last job's outcome is no longer what the page shows
            ColumnMapping suggested = service.suggestMapping(kind.get(), file.table().headers());
            ui.access(() -> read.accept(file, suggested));
        } catch (ImportFileException e) {
            String reason = ui.getTranslation(e.messageKey(), e.arguments());
            refuse(event, reason);
            ui.access(() -> refused.accept(reason));
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Import upload failed, reference {}", reference, e);
            String reason = ui.getTranslation("import.file.failed", reference);
            refuse(event, reason);
            ui.access(() -> refused.accept(reason));
        }
    }

    private static void refuse(UploadEvent event, String reason) {
        if (event.getResponse() instanceof ServletResponse response) {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        event.reject(reason);
    }
}
