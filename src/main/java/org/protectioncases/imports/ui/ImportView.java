package org.protectioncases.imports.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.router.Menu;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.ServletResponse;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.imports.AlreadyImportedException;
import org.protectioncases.imports.BatchSummary;
import org.protectioncases.imports.ColumnMapping;
import org.protectioncases.imports.Decision;
import org.protectioncases.imports.DryRunResult;
import org.protectioncases.imports.ImportBusyException;
import org.protectioncases.imports.ImportField;
import org.protectioncases.imports.ImportJobs;
import org.protectioncases.imports.ImportKind;
import org.protectioncases.imports.ImportFileException;
import org.protectioncases.imports.ImportMode;
import org.protectioncases.imports.ImportRefusedException;
import org.protectioncases.imports.ImportService;
import org.protectioncases.imports.UndoRefusedException;
import org.protectioncases.imports.UploadedFile;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.ui.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A coordinator's bulk import of people, cases or counselling sessions (chosen first): upload, column mapping, dry run (errors and possible
 * duplicates to decide), import as one batch, and the partner's batches with undo.
 */
@Route("import")
@RolesAllowed(Roles.PARTNER_COORDINATOR)
@Menu(order = 12, title = "nav.import", icon = "vaadin:upload")
public class ImportView extends Main implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ImportView.class);
    private static final String AUTO = "auto";
    /** The largest upload the browser sends (the service checks it again). */
    static final int MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

    private final ImportService service;
    private final ImportJobs jobs;
    final RadioButtonGroup<ImportKind> kind = new RadioButtonGroup<>();
    /** The chosen kind, for the upload's request thread (which must not read components). */
    private volatile ImportKind chosenKind = ImportKind.PEOPLE;
    private final Div templateLinks = new Div();
    final Select<String> encoding = new Select<>();
    final Paragraph fileError = new Paragraph();
    final Div mappingSection = new Div();
    final Grid<Integer> mappingGrid = new Grid<>();
    final Button dryRun = new Button();
    final Div resultSection = new Div();
    final Paragraph summary = new Paragraph();
    final Grid<DryRunResult.RowResult> problems = new Grid<>();
    final Div errorFileLink = new Div();
    final RadioButtonGroup<ImportMode> mode = new RadioButtonGroup<>();
    final Button importButton = new Button();
    final Paragraph importError = new Paragraph();
    final Grid<BatchSummary> batches = new Grid<>();
    final Paragraph undoError = new Paragraph();
    final Div progressSection = new Div();
    final ProgressBar progressBar = new ProgressBar();
    final Paragraph progressText = new Paragraph();
    private @Nullable Registration polling;

    private @Nullable UploadedFile file;
    private @Nullable ColumnMapping mapping;
    private @Nullable DryRunResult result;
    private final Map<Integer, Decision> decisions = new HashMap<>();

    public ImportView(ImportService service, ImportJobs jobs) {
        this.service = service;
        this.jobs = jobs;
        addClassName("page");
        addClassName("import-page");
        add(new H1(getTranslation("import.title")), new Paragraph(getTranslation("import.intro", service.maxRows())));
        kind.setLabel(getTranslation("import.kind"));
        kind.setItems(ImportKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setValue(ImportKind.PEOPLE);
        kind.setHelperText(getTranslation("import.kind.help"));
        kind.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                kindChosen(e.getValue());
            }
        });
        templateLinks.addClassName("export-links");
        templates(ImportKind.PEOPLE);
        add(kind, templateLinks, uploadSection());
        mappingSection.add(new H2(getTranslation("import.mapping.title")), new Paragraph(getTranslation("import.mapping.help")), mappingGrid,
                dryRun);
        mappingSection.setVisible(false);
        dryRun.setText(getTranslation("import.dryRun"));
        dryRun.addThemeVariants(ButtonVariant.PRIMARY);
        dryRun.addClickListener(e -> runDryRun());
        mappingGrid.addColumn(i -> file == null ? "" : file.table().headers().get(i)).setHeader(getTranslation("import.mapping.column"));
        mappingGrid.addColumn(i -> file == null || file.table().rows().isEmpty() ? "" : file.table().rows().getFirst().cell(i))
                .setHeader(getTranslation("import.mapping.example"));
        mappingGrid.addComponentColumn(this::fieldSelect).setHeader(getTranslation("import.mapping.field"));
        mappingGrid.setAllRowsVisible(true);
        // On phones (frontend/scripts/phone.js) a grid keeps two columns; these rows open nothing, so keep what matters.
        mappingGrid.getElement().setAttribute("data-phone-columns", "0,2");
        add(mappingSection);

        // Dry runs and imports run on the server in the background; the page asks every second how far.
        progressBar.setMin(0);
        progressBar.setMax(1);
        progressBar.getElement().setAttribute("aria-labelledby", "import-progress-text");
        progressText.setId("import-progress-text");
        progressText.getElement().setAttribute("aria-live", "polite");
        progressSection.add(progressText, progressBar);
        progressSection.setVisible(false);
        add(progressSection);

        problems.addColumn(DryRunResult.RowResult::row).setHeader(getTranslation("import.result.row")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(DryRunResult.RowResult::name).setHeader(getTranslation("import.result.name"));
        problems.addColumn(this::problemText).setHeader(getTranslation("import.result.problem")).setFlexGrow(3);
        problems.addComponentColumn(this::decisionSelect).setHeader(getTranslation("import.result.decision")).setFlexGrow(2);
        problems.setAriaLabel(getTranslation("import.result.problems"));
        problems.getElement().setAttribute("data-phone-columns", "0,2,3");
        mode.setLabel(getTranslation("import.mode"));
        mode.setItems(ImportMode.values());
        mode.setItemLabelGenerator(m -> getTranslation(m.messageKey()));
        mode.setValue(ImportMode.ALL_OR_NOTHING);
        importButton.setText(getTranslation("import.run"));
        importButton.addThemeVariants(ButtonVariant.PRIMARY);
        importButton.addClickListener(e -> runImport(false));
        importError.addClassName("field-error");
        importError.getElement().setAttribute("role", "alert");
        resultSection.add(new H2(getTranslation("import.result.title")), summary, errorFileLink, problems, mode, importButton, importError);
        resultSection.setVisible(false);
        add(resultSection);

        batches.addColumn(b -> Formats.dateTime(b.createdAt().toInstant())).setHeader(getTranslation("import.batch.when")).setAutoWidth(true);
        batches.addColumn(b -> getTranslation(b.kind().messageKey())).setHeader(getTranslation("import.batch.kind")).setAutoWidth(true);
        batches.addColumn(BatchSummary::fileName).setHeader(getTranslation("import.batch.file"));
        batches.addColumn(b -> org.protectioncases.shared.ui.Staff.name(b.createdBy())).setHeader(getTranslation("import.batch.by"));
        batches.addColumn(b -> b.failure() != null ? getTranslation("import.batch.failed", getTranslation(b.failure().messageKey()))
                : getTranslation("import.batch.counts", b.created(), b.linked(), b.skipped())).setHeader(getTranslation("import.batch.result"));
        batches.addComponentColumn(this::undoCell).setHeader(getTranslation("import.batch.undo"));
        batches.setItems(query -> service.batches(query.getOffset(), query.getLimit()).stream(), query -> (int) service.countBatches());
        batches.setAriaLabel(getTranslation("import.batch.title"));
        batches.getElement().setAttribute("data-phone-columns", "2,4,5");
        undoError.addClassName("field-error");
        undoError.getElement().setAttribute("role", "alert");
        add(new H2(getTranslation("import.batch.title")), undoError, batches);
    }

    /** Another kind: its templates, and a file already read is mapped again for it. */
    private void kindChosen(ImportKind chosen) {
        chosenKind = chosen;
        templates(chosen);
        if (file != null && (mapping == null || mapping.kind() != chosen)) {
            showMapping(file, service.suggestMapping(chosen, file.table().headers()));
        }
    }

    private void templates(ImportKind chosen) {
        templateLinks.removeAll();
        templateLinks.add(new Span(getTranslation("import.template.download") + " "));
        for (Language language : Language.values()) {
            DownloadHandler handler = (DownloadEvent event) -> {
                event.setFileName(chosen.name().toLowerCase(Locale.ROOT) + "-template-" + language.code() + ".xlsx");
                event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                try (OutputStream out = event.getOutputStream()) {
                    service.writeTemplate(chosen, language.locale(), out);
                }
            };
            Anchor link = new Anchor(handler, com.vaadin.flow.component.html.AttachmentType.DOWNLOAD, language.nativeName());
            link.addClassName("button-link");
            templateLinks.add(link);
        }
    }

    private Component uploadSection() {
        encoding.setLabel(getTranslation("import.encoding"));
        encoding.setItems(AUTO, "UTF-8", "windows-1250", "windows-1252");
        encoding.setItemLabelGenerator(e -> AUTO.equals(e) ? getTranslation("import.encoding.auto") : e);
        encoding.setValue(AUTO);
        encoding.setHelperText(getTranslation("import.encoding.help"));
        Upload upload = new Upload(this::receive);
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setAcceptedFileTypes(".xlsx", ".csv", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setMaxFiles(1);
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("import.upload.add")).setMany(getTranslation("import.upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("import.upload.drop")).setMany(getTranslation("import.upload.drop")));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(getTranslation("import.file.tooLarge"))
                .setIncorrectFileType(getTranslation("import.file.type")).setTooManyFiles(getTranslation("import.upload.one")));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(e -> showFileError(e.getErrorMessage()));
        fileError.addClassName("field-error");
        fileError.getElement().setAttribute("role", "alert");
        fileError.setVisible(false);
        return new Div(new H2(getTranslation("import.upload.title")), encoding, upload, fileError);
    }

    /** Runs in the upload request, not on the UI thread: the UI is changed through {@code access}. */
    private void receive(UploadEvent event) {
        UI ui = event.getUI();
        String choice = encoding.getValue();
        Charset charset = choice == null || AUTO.equals(choice) ? null : Charset.forName(choice);
        try {
            UploadedFile read = service.read(event.getFileName(), event.getInputStream(), charset);
            jobs.dismiss(); // a new file: the last job's outcome is no longer what the page shows
            ColumnMapping suggested = service.suggestMapping(chosenKind, read.table().headers());
            ui.access(() -> showMapping(read, suggested));
        } catch (ImportFileException e) {
            String reason = getTranslation(e.messageKey(), e.arguments());
            refuse(event, reason);
            ui.access(() -> showFileError(reason));
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Import upload failed, reference {}", reference, e);
            String reason = getTranslation("import.file.failed", reference);
            refuse(event, reason);
            ui.access(() -> showFileError(reason));
        }
    }

    private static void refuse(UploadEvent event, String reason) {
        if (event.getResponse() instanceof ServletResponse response) {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        event.reject(reason);
    }

    private void showFileError(String reason) {
        fileError.setText(reason);
        fileError.setVisible(true);
        mappingSection.setVisible(false);
        resultSection.setVisible(false);
    }

    private void showMapping(UploadedFile read, ColumnMapping suggested) {
        file = read;
        mapping = suggested;
        result = null;
        decisions.clear();
        fileError.setVisible(false);
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < read.table().headers().size() && i < ColumnMapping.MAX_COLUMNS; i++) {
            columns.add(i);
        }
        mappingGrid.setItems(columns);
        mappingSection.setVisible(true);
        resultSection.setVisible(false);
        importError.setText("");
    }

    private Component fieldSelect(Integer column) {
        Select<ImportField> select = new Select<>();
        select.setItems(mapping == null ? ImportKind.PEOPLE.fields() : mapping.kind().fields());
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("import.mapping.ignore"));
        select.setItemLabelGenerator(f -> f == null ? getTranslation("import.mapping.ignore") : getTranslation(f.messageKey()));
        select.setValue(mapping == null ? null : mapping.field(column));
        select.setAriaLabel(file == null ? "" : file.table().headers().get(column));
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && mapping != null) {
                mapping = mapping.with(column, e.getValue());
                mappingGrid.getDataProvider().refreshAll();
                resultSection.setVisible(false);
            }
        });
        return select;
    }

    private void runDryRun() {
        if (file == null || mapping == null) {
            return;
        }
        service.saveMapping(file.table().headers(), mapping);
        try {
            showProgress(jobs.startDryRun(file, mapping));
        } catch (ImportBusyException e) {
            importError.setText(getTranslation("import.busy"));
            resultSection.setVisible(true);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // Back on the page while a job of the user runs, or after it ended: show it where it is.
        jobs.current().ifPresent(status -> {
            file = status.file();
            mapping = status.mapping();
            chosenKind = status.mapping().kind();
            kind.setValue(chosenKind);
            List<Integer> columns = new ArrayList<>();
            for (int i = 0; i < file.table().headers().size() && i < ColumnMapping.MAX_COLUMNS; i++) {
                columns.add(i);
            }
            mappingGrid.setItems(columns);
            mappingSection.setVisible(true);
            showProgress(status);
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling(event.getUI());
        super.onDetach(event);
    }

    private void showProgress(ImportJobs.Status status) {
        if (!status.running()) {
            finished(status);
            return;
        }
        dryRun.setEnabled(false);
        importButton.setEnabled(false);
        progressSection.setVisible(true);
        progressBar.setValue(status.total() == 0 ? 0 : Math.min(1.0, (double) status.done() / status.total()));
        progressText.setText(getTranslation(status.kind() == ImportJobs.Kind.DRY_RUN ? "import.progress.dryRun" : "import.progress.import",
                status.done(), status.total()));
        getUI().ifPresent(ui -> {
            if (polling == null) {
                ui.setPollInterval(1000);
                polling = ui.addPollListener(e -> jobs.current().ifPresentOrElse(this::showProgress, () -> stopPolling(ui)));
            }
        });
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    private void finished(ImportJobs.Status status) {
        getUI().ifPresent(this::stopPolling);
        progressSection.setVisible(false);
        dryRun.setEnabled(true);
        importButton.setEnabled(true);
        switch (status.state()) {
            case DONE -> {
                if (status.kind() == ImportJobs.Kind.DRY_RUN && status.dryRun() != null) {
                    if (result != status.dryRun()) {
                        result = status.dryRun();
                        decisions.clear();
                        showResult(result);
                    }
                } else if (status.batch() != null) {
                    BatchSummary batch = status.batch();
                    jobs.dismiss();
                    Notifications.success(batch.kind() == ImportKind.PEOPLE
                            ? getTranslation("import.done", batch.created(), batch.linked(), batch.skipped())
                            : getTranslation("import.done." + batch.kind().name(), batch.created(), batch.skipped()));
                    importError.setText("");
                    resultSection.setVisible(false);
                    mappingSection.setVisible(false);
                    file = null;
                    batches.getDataProvider().refreshAll();
                }
            }
            case REFUSED -> {
                jobs.dismiss();
                switch (status.refusal()) {
                    case AlreadyImportedException e -> confirmAgain(e.previous());
                    case ImportRefusedException e -> {
                        result = e.result();
                        showResult(e.result());
                        importError.setText(getTranslation("import.refused", e.blockedRows()));
                    }
                    case null, default -> {
                        resultSection.setVisible(true);
                        importError.setText(getTranslation("import.busy"));
                    }
                }
            }
            case FAILED -> {
                jobs.dismiss();
                resultSection.setVisible(true);
                importError.setText(getTranslation("import.failed", getTranslation(status.batch() == null || status.batch().failure() == null
                        ? "import.failure.UNEXPECTED" : status.batch().failure().messageKey())));
                batches.getDataProvider().refreshAll();
            }
            case RUNNING -> { }
        }
    }

    private void showResult(DryRunResult r) {
        String text = getTranslation("import.result.summary", r.count(DryRunResult.Status.READY), r.count(DryRunResult.Status.ERROR),
                r.count(DryRunResult.Status.DUPLICATE));
        if (!r.ignoredColumns().isEmpty()) {
            text += " " + getTranslation("import.result.ignored", String.join(", ", r.ignoredColumns()));
        }
        if (!r.missingColumns().isEmpty()) {
            text += " " + getTranslation("import.result.missing", r.missingColumns().stream().map(f -> getTranslation(f.messageKey()))
                    .collect(Collectors.joining(", ")));
        }
        summary.setText(text);
        List<DryRunResult.RowResult> shown = r.rows().stream().filter(row -> row.status() != DryRunResult.Status.READY).toList();
        problems.setItems(shown);
        problems.setVisible(!shown.isEmpty());
        errorFileLink.removeAll();
        if (!shown.isEmpty() && file != null) {
            UploadedFile current = file;
            Locale locale = getLocale();
            DownloadHandler handler = (DownloadEvent event) -> {
                event.setFileName("import-errors.xlsx");
                event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                try (OutputStream out = event.getOutputStream()) {
                    service.writeErrorFile(current, r, locale, out);
                }
            };
            Anchor link = new Anchor(handler, com.vaadin.flow.component.html.AttachmentType.DOWNLOAD, getTranslation("import.result.errorFile"));
            link.addClassName("button-link");
            errorFileLink.add(link);
        }
        importError.setText("");
        resultSection.setVisible(true);
    }

    private String problemText(DryRunResult.RowResult r) {
        if (r.status() == DryRunResult.Status.DUPLICATE) {
            String matches = r.matches().stream().map(this::matchLabel).collect(Collectors.joining(", "));
            return getTranslation("import.result.possibleDuplicate", matches);
        }
        return r.errors().stream().map(e -> e.column() + ": " + getTranslation(e.messageKey(), e.arguments().toArray()))
                .collect(Collectors.joining("; "));
    }

    private String matchLabel(DryRunResult.Match m) {
        if (m.fileRow() != null) {
            return getTranslation("import.result.fileRow", m.fileRow());
        }
        return m.registrationNo() + " " + m.name() + (m.birthYear() == null ? "" : " (" + m.birthYear() + ")");
    }

    private Component decisionSelect(DryRunResult.RowResult r) {
        if (r.status() != DryRunResult.Status.DUPLICATE) {
            return new Span();
        }
        Select<Decision> select = new Select<>();
        List<Decision> options = new ArrayList<>();
        options.add(new Decision.DifferentPerson());
        for (DryRunResult.Match m : r.matches()) {
            options.add(m.fileRow() != null ? new Decision.SameAsRow(m.fileRow()) : new Decision.SamePerson(m.personId()));
        }
        select.setItems(options);
        select.setPlaceholder(getTranslation("import.decision.choose"));
        select.setItemLabelGenerator(d -> switch (d) {
            case Decision.DifferentPerson x -> getTranslation("import.decision.different");
            case Decision.SamePerson s -> getTranslation("import.decision.same", r.matches().stream()
                    .filter(m -> s.personId() == (m.personId() == null ? -1 : m.personId())).findFirst().map(this::matchLabel).orElse(""));
            case Decision.SameAsRow s -> getTranslation("import.decision.same", getTranslation("import.result.fileRow", s.row()));
        });
        select.setValue(decisions.get(r.row()));
        select.setAriaLabel(getTranslation("import.result.decision") + " " + r.row());
        select.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                decisions.remove(r.row());
            } else {
                decisions.put(r.row(), e.getValue());
            }
        });
        return select;
    }

    private void runImport(boolean evenIfImportedBefore) {
        if (file == null || mapping == null) {
            return;
        }
        try {
            showProgress(jobs.startImport(file, mapping, Map.copyOf(decisions), mode.getValue(), evenIfImportedBefore));
        } catch (ImportBusyException e) {
            importError.setText(getTranslation("import.busy"));
        }
    }

    private void confirmAgain(BatchSummary previous) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("import.again.title"));
        dialog.add(new Paragraph(getTranslation("import.again.text", previous.fileName(), Formats.dateTime(previous.createdAt().toInstant()),
                org.protectioncases.shared.ui.Staff.name(previous.createdBy()))));
        Button cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
        Button again = new Button(getTranslation("import.again.confirm"), e -> {
            dialog.close();
            runImport(true);
        });
        again.addThemeVariants(ButtonVariant.ERROR);
        dialog.getFooter().add(cancel, again);
        dialog.open();
    }

    private Component undoCell(BatchSummary b) {
        if (b.undone()) {
            return new Span(getTranslation("import.batch.undone", org.protectioncases.shared.ui.Staff.name(b.undoneBy()), Formats.dateTime(b.undoneAt().toInstant())));
        }
        if (!service.mayUndo(b.id())) {
            return new Span();
        }
        Button undo = new Button(getTranslation("import.batch.undo"), e -> {
            try {
                service.undo(b.id());
                undoError.setText("");
                Notifications.success(getTranslation("import.undo.done", b.fileName()));
            } catch (UndoRefusedException ex) {
                String blockers = ex.blockers().stream().map(x -> getTranslation("import.undo.blocker", x.row(),
                        getTranslation("import.undo.reason." + x.reason()))).collect(Collectors.joining("; "));
                undoError.setText(getTranslation(ex.messageKey()) + (blockers.isEmpty() ? "" : " " + blockers));
            }
            batches.getDataProvider().refreshAll();
        });
        undo.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
        return undo;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " | " + getTranslation("app.name");
    }
}
