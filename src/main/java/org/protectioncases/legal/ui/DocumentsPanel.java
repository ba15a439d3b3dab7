package org.protectioncases.legal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.legal.DocumentAssemblyService;
import org.protectioncases.legal.DocumentFormat;
import org.protectioncases.legal.DocumentKind;
import org.protectioncases.legal.DocumentPreview;
import org.protectioncases.legal.DocumentRequest;
import org.protectioncases.legal.GeneratedDocument;
import org.protectioncases.legal.GeneratedDocumentDto;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content of the case page's "Documents" tab: choose a document and its language, see what it
 * will be filled with (and type what the records lack), download it as Word or PDF; below, the
 * documents generated on the case.
 */
class DocumentsPanel extends Div {

    private static final Logger log = LoggerFactory.getLogger(DocumentsPanel.class);

    private final CaseSummary c;
    private final DocumentAssemblyService service;
    private final Select<DocumentKind> kind = new Select<>();
    private final Select<Language> language = new Select<>();
    private final Div values = new Div();
    private final Checkbox saveCopy = new Checkbox();
    private final FlexLayout links = new FlexLayout();
    private final Paragraph blocked = new Paragraph();
    private final Grid<GeneratedDocumentDto> history = new Grid<>();
    private final Paragraph historyEmpty = new Paragraph();
    /**
     * What the lawyer typed for placeholders the records lack, by placeholder name. Written by the
     * fields' listeners (under the session lock), read by the download request, which runs apart.
     */
    private final Map<String, String> typed = new ConcurrentHashMap<>();
    private volatile boolean copy;
    private int pollsLeft;
    private volatile DocumentKind chosenKind = DocumentKind.POWER_OF_ATTORNEY;
    private volatile Language chosenLanguage = Language.EN;

    DocumentsPanel(CaseSummary c, DocumentAssemblyService service, boolean mayManageTemplates) {
        this.c = c;
        this.service = service;
        setId("documents-panel");
        addClassName("documents-panel");
        Paragraph intro = new Paragraph(getTranslation("legal.documents.intro"));
        add(intro);
        if (mayManageTemplates) {
            add(new RouterLink(getTranslation("legal.documents.manageTemplates"), DocumentTemplatesView.class));
        }
        kind.setLabel(getTranslation("legal.documents.kind"));
        kind.setItems(DocumentKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setValue(DocumentKind.POWER_OF_ATTORNEY);
        kind.setId("document-kind");
        language.setLabel(getTranslation("legal.documents.language"));
        language.setItems(org.protectioncases.legal.DocumentTemplateService.LANGUAGES);
        language.setItemLabelGenerator(Language::nativeName);
        Language uiLanguage = Language.of(UI.getCurrent().getLocale());
        language.setValue(uiLanguage);
        language.setId("document-language");
        kind.addValueChangeListener(e -> preview());
        language.addValueChangeListener(e -> preview());
        FormLayout choice = new FormLayout(kind, language);
        choice.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        values.setId("document-values");
        values.addClassName("document-values");
        saveCopy.setLabel(getTranslation("legal.documents.saveCopy"));
        saveCopy.setId("document-save-copy");
        saveCopy.addValueChangeListener(e -> copy = e.getValue());
        links.addClassName("export-links");
        links.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        links.add(link(DocumentFormat.DOCX, "legal.documents.downloadDocx", "document-docx"),
                link(DocumentFormat.PDF, "legal.documents.downloadPdf", "document-pdf"));
        Paragraph pdfNote = new Paragraph(getTranslation("legal.documents.pdfNote"));
        pdfNote.addClassName("help");
        blocked.addClassName("conflict-warning");
        blocked.getStyle().set("color", "var(--lumo-error-text-color)");
        blocked.getElement().setAttribute("role", "alert");
        blocked.setId("document-blocked");
        // A closed case takes no new documents until it is reopened: only what was generated shows.
        boolean closed = c.status() == org.protectioncases.cases.CaseStatus.CLOSED;
        if (closed) {
            Paragraph notice = new Paragraph(getTranslation("legal.caseClosed"));
            notice.addClassName("notice");
            add(notice);
        } else {
            add(choice, blocked, values, saveCopy, links, pdfNote);
        }

        add(new H3(getTranslation("legal.documents.history")));
        history.setId("document-history");
        history.addColumn(d -> Formats.dateTime(d.generatedAt())).setHeader(getTranslation("legal.documents.generatedAt")).setAutoWidth(true);
        history.addColumn(d -> getTranslation(d.kind().messageKey()) + " · " + d.language().nativeName() + " · " + d.format().name()
                + (d.savedToCase() ? " · " + getTranslation("legal.documents.savedToCase") : ""))
                .setHeader(getTranslation("legal.documents.kind")).setFlexGrow(1);
        history.addColumn(d -> d.templateVersion() == null ? getTranslation("legal.documents.builtIn")
                : getTranslation("legal.documents.partnerVersion", d.templateVersion())).setHeader(getTranslation("legal.documents.template"))
                .setAutoWidth(true);
        history.addColumn(d -> org.protectioncases.shared.ui.Staff.name(d.generatedBy())).setHeader(getTranslation("legal.documents.generatedBy")).setAutoWidth(true);
        history.addColumn(d -> d.blanks() == null ? "" : d.blanks()).setHeader(getTranslation("legal.documents.blanks"));
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.setAllRowsVisible(true);
        history.setAriaLabel(getTranslation("legal.documents.history"));
        historyEmpty.setText(getTranslation("legal.documents.historyEmpty"));
        add(historyEmpty, history);
        if (!closed) {
            preview();
        }
        refreshHistory();
        addAttachListener(attach -> {
            var registration = attach.getUI().addPollListener(poll -> {
                if (pollsLeft > 0 && --pollsLeft == 0) {
                    attach.getUI().setPollInterval(-1);
                }
            });
            addDetachListener(detach -> {
                registration.remove();
                detach.getUI().setPollInterval(-1);
                detach.unregisterListener();
            });
        });
    }

    private void preview() {
        if (kind.getValue() == null || language.getValue() == null) {
            return;
        }
        chosenKind = kind.getValue();
        chosenLanguage = language.getValue();
        DocumentPreview p = service.preview(c.id(), chosenKind, chosenLanguage);
        values.removeAll();
        blocked.setVisible(p.blockedKey() != null);
        blocked.setText(p.blockedKey() == null ? "" : getTranslation(p.blockedKey()));
        links.setVisible(p.blockedKey() == null);
        saveCopy.setVisible(p.blockedKey() == null);
        Paragraph template = new Paragraph(getTranslation("legal.documents.template") + ": " + (p.templateVersion() == null
                ? getTranslation("legal.documents.builtIn") : getTranslation("legal.documents.partnerVersion", p.templateVersion())));
        template.addClassName("help");
        values.add(template);
        if (p.values().isEmpty()) {
            values.add(new Paragraph(getTranslation("legal.documents.none")));
        }
        Div filled = new Div();
        filled.addClassName("document-filled");
        FormLayout missing = new FormLayout();
        missing.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        for (DocumentPreview.Value v : p.values()) {
            String token = v.placeholder().token();
            if (v.value() != null) {
                Div row = new Div(new Span(getTranslation(v.placeholder().messageKey()) + ": "), strong(v.value()));
                row.addClassName("document-value");
                filled.add(row);
            } else {
                TextField field = new TextField(getTranslation(v.placeholder().messageKey()));
                field.setMaxLength(DocumentAssemblyService.VALUE_MAX);
                field.setHelperText(getTranslation("legal.documents.missing"));
                field.setValueChangeMode(ValueChangeMode.EAGER);
                field.setId("document-missing-" + token.replace('.', '-'));
                field.setValue(typed.getOrDefault(token, ""));
                field.addValueChangeListener(e -> {
                    if (e.getValue().isBlank()) {
                        typed.remove(token);
                    } else {
                        typed.put(token, e.getValue());
                    }
                });
                missing.add(field);
            }
        }
        if (filled.getComponentCount() > 0) {
            values.add(new Paragraph(getTranslation("legal.documents.filled")), filled);
        }
        values.add(missing);
    }

    private static Component strong(String text) {
        Span s = new Span(text);
        s.getStyle().set("font-weight", "600");
        return s;
    }

    /** A download link; the document is generated when it is clicked, in that request, as the signed-in user. */
    private Anchor link(DocumentFormat format, String labelKey, String id) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            DocumentKind k = chosenKind;
            Language l = chosenLanguage;
            UI ui = event.getUI();
            try {
                GeneratedDocument doc = service.generate(c.id(), new DocumentRequest(k, l, format, copy), Map.copyOf(typed));
                ui.access(this::refreshHistory);
                return new DownloadResponse(new ByteArrayInputStream(doc.content()), doc.fileName(), format.mediaType(), doc.content().length);
            } catch (FieldValidationException e) {
                ui.access(() -> {
                    blocked.setVisible(true);
                    blocked.setText(getTranslation("legal.documents.refused", getTranslation(e.fieldErrors().values().iterator().next())));
                });
                return DownloadResponse.error(HttpStatusCode.CONFLICT);
            } catch (RuntimeException e) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Document generation failed, reference {}", reference, e);
                return DownloadResponse.error(HttpStatusCode.INTERNAL_SERVER_ERROR);
            }
        });
        Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, getTranslation(labelKey));
        link.addClassName("button-link");
        link.setId(id);
        // Without push the history below would update only at the next click: poll a few times while the download is made.
        link.getElement().addEventListener("click", e -> {
            pollsLeft = 5;
            UI.getCurrent().setPollInterval(1000);
        });
        return link;
    }

    private void refreshHistory() {
        var items = service.history(c.id());
        history.setItems(items);
        history.setVisible(!items.isEmpty());
        historyEmpty.setVisible(items.isEmpty());
    }
}
