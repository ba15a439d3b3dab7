package org.protectioncases.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStream;
import org.protectioncases.shared.export.ExportFormat;
import org.protectioncases.shared.export.TableWriter;

/**
 * "CSV" and "Excel" download links for one table. The content is produced when the user clicks,
 * straight into the response (nothing buffered), by the same callback for both formats.
 */
public final class ExportLinks extends FlexLayout {

    /** Writes the table; called once per download, inside the user's request and security context. */
    @FunctionalInterface
    public interface Content {
        void write(TableWriter table) throws IOException;
    }

    /** Streams a whole file (when a caller needs more than one table or its own format). */
    @FunctionalInterface
    public interface Stream {
        void write(ExportFormat format, OutputStream out) throws IOException;
    }

    public ExportLinks(String fileBaseName, String sheetName, Content content) {
        this(fileBaseName, (format, out) -> {
            try (TableWriter writer = TableWriter.open(format, out, sheetName)) {
                content.write(writer);
            }
        });
    }

    public ExportLinks(String fileBaseName, Stream stream) {
        addClassName("export-links");
        for (ExportFormat format : ExportFormat.values()) {
            Anchor link = new Anchor(handler(fileBaseName + "." + format.extension(), format, stream),
                    AttachmentType.DOWNLOAD, getTranslation("export." + format.extension()));
            link.addClassName("button-link");
            add(link);
        }
    }

    private static DownloadHandler handler(String fileName, ExportFormat format, Stream stream) {
        return (DownloadEvent event) -> {
            event.setFileName(fileName);
            event.setContentType(format.contentType());
            // Vaadin streams the file outside the UI (no current UI), where getTranslation falls back
            // to English: the headers and the small-count footnote must be in the downloader's language.
            UI previous = UI.getCurrent();
            UI.setCurrent(event.getUI());
            try (OutputStream out = event.getOutputStream()) {
                stream.write(format, out);
            } finally {
                UI.setCurrent(previous);
            }
        };
    }
}
