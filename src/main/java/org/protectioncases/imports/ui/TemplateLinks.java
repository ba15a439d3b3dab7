package org.protectioncases.imports.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import java.util.Locale;
import org.protectioncases.imports.ImportKind;
import org.protectioncases.imports.ImportService;
import org.protectioncases.shared.i18n.Language;

/** The template of the chosen kind of file, one link per language. */
final class TemplateLinks extends Div {

    private final ImportService service;

    TemplateLinks(ImportService service) {
        this.service = service;
        addClassName("export-links");
    }

    void show(ImportKind chosen) {
        removeAll();
        add(new Span(getTranslation("import.template.download") + " "));
        for (Language language : Language.values()) {
            DownloadHandler handler = (DownloadEvent event) -> {
                event.setFileName(chosen.name().toLowerCase(Locale.ROOT) + "-template-" + language.code() + ".xlsx");
                event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                try (OutputStream out = event.getOutputStream()) {
                    service.writeTemplate(chosen, language.locale(), out);
                }
            };
            Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, language.nativeName());
            link.addClassName("button-link");
            add(link);
        }
    }
}
