package org.protectioncases.imports.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.Menu;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.protectioncases.imports.ImportMode;
import org.protectioncases.imports.ImportRefusedException;
import org.protectioncases.imports.ImportService;
import org.protectioncases.imports.UploadedFile;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.ui.Notifications;

/**
 * A coordinator's bulk import of people, cases or counselling sessions (chosen first): upload, column mapping, dry run (errors and possible
 * duplicates to decide), import as one batch, and the partner's batches with undo. Somewhat over 350 lines
 * because the page's state (file, mapping, dry run, decisions, the running job) lives here and every
 * step reads it; the upload, problems, batches and templates are in their own classes.
 */
@Route("import")
@RolesAllowed(Roles.PARTNER_COORDINATOR)
@Menu(order = 12, title = "nav.import", icon = "vaadin:upload")
public class ImportView extends Main implements HasDynamicTitle {

    /** The largest upload the browser sends (the service checks it again). */
    static final int MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

    private final ImportService service;
    private final ImportJobs jobs;
    final RadioButtonGroup<ImportKind> kind = new RadioButtonGroup<>();
    /** The chosen kind, for the upload's request thread (which must not read components). */
    private volatile ImportKind chosenKind = ImportKind.PEOPLE;
    private final TemplateLinks templateLinks;
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
        templateLinks = new TemplateLinks(service);
        templateLinks.show(ImportKind.PEOPLE);
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

        new DryRunProblems(problems, decisions);
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

        new BatchList(batches, undoError, service);
        add(new H2(getTranslation("import.batch.title")), undoError, batches);
    }

    /** Another kind: its templates, and a file already read is mapped again for it. */
    private void kindChosen(ImportKind chosen) {
        chosenKind = chosen;
        templateLinks.show(chosen);
        if (file != null && (mapping == null || mapping.kind() != chosen)) {
            showMapping(file, service.suggestMapping(chosen, file.table().headers()));
        }
    }

    private Component uploadSection() {
        FileUpload.encodings(encoding);
        Upload upload = FileUpload.upload(new FileUpload(service, jobs, () -> chosenKind, encoding::getValue, this::showMapping,
                this::showFileError), this::showFileError);
        fileError.addClassName("field-error");
        fileError.getElement().setAttribute("role", "alert");
        fileError.setVisible(false);
        return new Div(new H2(getTranslation("import.upload.title")), encoding, upload, fileError);
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
        showColumns(read);
        resultSection.setVisible(false);
        importError.setText("");
    }

    /** The mapping grid's rows: the file's columns (at most {@link ColumnMapping#MAX_COLUMNS}). */
    private void showColumns(UploadedFile read) {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < read.table().headers().size() && i < ColumnMapping.MAX_COLUMNS; i++) {
            columns.add(i);
        }
        mappingGrid.setItems(columns);
        mappingSection.setVisible(true);
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
            showColumns(status.file());
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
                    case AlreadyImportedException e -> BatchList.confirmAgain(this, e.previous(), () -> runImport(true));
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
            errorFileLink.add(DryRunProblems.errorFileLink(service, file, r, getLocale(), getTranslation("import.result.errorFile")));
        }
        importError.setText("");
        resultSection.setVisible(true);
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

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " | " + getTranslation("app.name");
    }
}
