package org.protectioncases.legal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Map;
import org.protectioncases.legal.DocumentKind;
import org.protectioncases.legal.DocumentTemplateService;
import org.protectioncases.legal.Placeholder;
import org.protectioncases.legal.TemplateFile;
import org.protectioncases.legal.TemplateSlot;
import org.protectioncases.legal.TemplateUploadResult;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.Staff;

/**
 * The coordinator's document templates: for each document and language the template in use (built-in
 * or the partner's own version), download it, upload a new version (checked at once: refused with
 * the reason and the unknown placeholders), go back to the built-in one; the partner's address for
 * documents; and the documented placeholders.
 */
@Route("document-templates")
@RolesAllowed(Roles.PARTNER_COORDINATOR)
@Menu(order = 7, title = "nav.documentTemplates", icon = "vaadin:file-text-o")
public class DocumentTemplatesView extends Main implements HasDynamicTitle {

    private final DocumentTemplateService service;
    private final Div slots = new Div();

    public DocumentTemplatesView(DocumentTemplateService service) {
        this.service = service;
        addClassName("page");
        add(new H2(getTranslation("nav.documentTemplates")), new Paragraph(getTranslation("legal.templates.intro")));
        add(addressForm());
        slots.setId("template-slots");
        slots.addClassName("template-slots");
        add(slots);
        add(new H3(getTranslation("legal.templates.placeholders")), new Paragraph(getTranslation("legal.templates.placeholderHelp")));
        Grid<Placeholder> placeholders = new Grid<>();
        placeholders.setId("template-placeholders");
        placeholders.addColumn(Placeholder::written).setHeader(getTranslation("legal.templates.placeholder")).setAutoWidth(true);
        placeholders.addColumn(p -> getTranslation(p.messageKey())).setHeader(getTranslation("legal.templates.meaning")).setFlexGrow(1);
        placeholders.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        placeholders.setItems(Arrays.asList(Placeholder.values()));
        placeholders.setAllRowsVisible(true);
        placeholders.setAriaLabel(getTranslation("legal.templates.placeholders"));
        add(placeholders);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.documentTemplates") + " | " + getTranslation("app.name");
    }

    private Component addressForm() {
        TextField address = new TextField(getTranslation("legal.templates.address"));
        address.setMaxLength(DocumentTemplateService.ADDRESS_MAX);
        address.setWidthFull();
        address.setId("template-address");
        address.setValue(service.letterheadAddress().orElse(""));
        Button save = new Button(getTranslation("legal.templates.saveAddress"), e -> {
            try {
                service.setLetterheadAddress(address.getValue());
                FormErrors.clear(Map.of("address", address));
                Notifications.success(getTranslation("common.saved"));
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("address", address), this);
            }
        });
        save.setId("template-address-save");
        FlexLayout row = new FlexLayout(address, save);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.END);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        return row;
    }

    private void refresh() {
        slots.removeAll();
        DocumentKind current = null;
        for (TemplateSlot slot : service.overview()) {
            if (slot.kind() != current) {
                current = slot.kind();
                slots.add(new H3(getTranslation(current.messageKey())));
            }
            slots.add(slot(slot));
        }
    }

    private Component slot(TemplateSlot slot) {
        Div row = new Div();
        row.addClassName("template-slot");
        String id = "template-" + slot.kind().fileBase() + "-" + slot.language().code();
        row.setId(id);
        Span name = new Span(slot.language().nativeName() + ": ");
        name.getStyle().set("font-weight", "600");
        Span inUse = new Span(slot.inUse() == null ? getTranslation("legal.documents.builtIn")
                : getTranslation("legal.templates.version", slot.inUse().version(), Staff.name(slot.inUse().uploadedBy()),
                Formats.dateTime(slot.inUse().uploadedAt())));
        inUse.addClassName("template-in-use");
        Paragraph head = new Paragraph(name, inUse);
        if (slot.versions() > 0) {
            head.add(new Span(" (" + getTranslation("legal.templates.versions", slot.versions()) + ")"));
        }
        FlexLayout actions = new FlexLayout();
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            TemplateFile file = slot.inUse() == null ? service.builtIn(slot.kind(), slot.language()) : service.version(slot.inUse().id());
            return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.content().length);
        }), AttachmentType.DOWNLOAD, getTranslation("legal.templates.download"));
        download.addClassName("button-link");
        Button upload = new Button(getTranslation("legal.templates.upload"), e -> uploadDialog(slot).open());
        upload.addClassName("template-upload");
        actions.add(download, upload);
        if (slot.inUse() != null) {
            Button builtIn = new Button(getTranslation("legal.templates.useBuiltIn"), e -> {
                service.useBuiltIn(slot.kind(), slot.language());
                Notifications.success(getTranslation("legal.templates.builtInAgain"));
                refresh();
            });
            builtIn.addThemeVariants(ButtonVariant.TERTIARY);
            builtIn.addClassName("template-builtin");
            actions.add(builtIn);
        }
        row.add(head, actions);
        return row;
    }

    private Dialog uploadDialog(TemplateSlot slot) {
        Dialog d = new Dialog(getTranslation("legal.templates.upload") + " – " + getTranslation(slot.kind().messageKey()) + ", "
                + slot.language().nativeName());
        d.setId("template-upload-dialog");
        Div result = new Div();
        result.setId("template-upload-result");
        result.getElement().setAttribute("role", "status");
        UI ui = UI.getCurrent();
        Upload upload = new Upload((UploadEvent event) -> receive(event, slot, result));
        // Raw bodies are streamed straight to the service (no multipart parsing and its 1 MB default limit).
        upload.setUploadFormat(UploadFormat.RAW);
        // By name only (Vaadin checks it on the server as well); the service reads the file as a Word document.
        upload.setAcceptedFileExtensions(".docx");
        upload.setMaxFileSize(DocumentTemplateService.MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setId("template-upload");
        upload.addFileRejectedListener(e -> {
            result.removeAll();
            result.add(error(getTranslation("legal.templates.refused", e.getErrorMessage())));
        });
        Paragraph help = new Paragraph(getTranslation("legal.templates.uploadHelp"));
        help.addClassName("help");
        d.add(upload, help, result);
        // Without push, what the upload request decided shows at the next round trip: poll while the dialog is open.
        d.addOpenedChangeListener(e -> ui.setPollInterval(e.isOpened() ? 1000 : -1));
        d.getFooter().add(new Button(getTranslation("common.cancel"), e -> {
            d.close();
            refresh();
        }));
        return d;
    }

    /** Runs in the upload request, not on the UI thread: the UI is changed through {@code access}. */
    private void receive(UploadEvent event, TemplateSlot slot, Div result) {
        TemplateUploadResult r = service.upload(slot.kind(), slot.language(), event.getFileName(), event.getInputStream());
        event.getUI().access(() -> {
            result.removeAll();
            if (r.accepted()) {
                result.add(new Paragraph(getTranslation("legal.templates.uploaded", r.saved().version(), String.join(", ", r.placeholders()))));
                Notifications.success(getTranslation("legal.templates.uploaded", r.saved().version(), String.join(", ", r.placeholders())));
                refresh();
            } else {
                result.add(error(getTranslation("legal.templates.refused", getTranslation(r.problemKey()))));
                if (!r.unknown().isEmpty()) {
                    result.add(error(getTranslation("legal.templates.unknown", String.join(", ", r.unknown()))));
                }
                if (!r.placeholders().isEmpty()) {
                    result.add(new Paragraph(getTranslation("legal.templates.found", String.join(", ", r.placeholders()))));
                }
            }
        });
    }

    private static Paragraph error(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("field-error");
        p.getElement().setAttribute("role", "alert");
        return p;
    }

}
