package org.protectioncases.imports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.protectioncases.imports.Decision;
import org.protectioncases.imports.DryRunResult;
import org.protectioncases.imports.ImportService;
import org.protectioncases.imports.UploadedFile;

/**
 * The dry run's rows that need attention: what is wrong or whom a row may be, and for a possible
 * duplicate the choice the coordinator makes (kept in {@code decisions} by row number).
 */
final class DryRunProblems {

    private final Grid<DryRunResult.RowResult> grid;
    private final Map<Integer, Decision> decisions;

    DryRunProblems(Grid<DryRunResult.RowResult> grid, Map<Integer, Decision> decisions) {
        this.grid = grid;
        this.decisions = decisions;
        grid.addColumn(DryRunResult.RowResult::row).setHeader(t("import.result.row")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DryRunResult.RowResult::name).setHeader(t("import.result.name"));
        grid.addColumn(this::problemText).setHeader(t("import.result.problem")).setFlexGrow(3);
        grid.addComponentColumn(this::decisionSelect).setHeader(t("import.result.decision")).setFlexGrow(2);
        grid.setAriaLabel(t("import.result.problems"));
        grid.getElement().setAttribute("data-phone-columns", "0,2,3");
    }

    /** The file's rows with an error column, as XLSX, to correct and upload again. */
    static Anchor errorFileLink(ImportService service, UploadedFile file, DryRunResult r, Locale locale, String label) {
        DownloadHandler handler = (DownloadEvent event) -> {
            event.setFileName("import-errors.xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            try (OutputStream out = event.getOutputStream()) {
                service.writeErrorFile(file, r, locale, out);
            }
        };
        Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, label);
        link.addClassName("button-link");
        return link;
    }

    private String t(String key, Object... params) {
        return grid.getTranslation(key, params);
    }

    private String problemText(DryRunResult.RowResult r) {
        if (r.status() == DryRunResult.Status.DUPLICATE) {
            String matches = r.matches().stream().map(this::matchLabel).collect(Collectors.joining(", "));
            return t("import.result.possibleDuplicate", matches);
        }
        return r.errors().stream().map(e -> e.column() + ": " + t(e.messageKey(), e.arguments().toArray()))
                .collect(Collectors.joining("; "));
    }

    private String matchLabel(DryRunResult.Match m) {
        if (m.fileRow() != null) {
            return t("import.result.fileRow", m.fileRow());
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
        select.setPlaceholder(t("import.decision.choose"));
        select.setItemLabelGenerator(d -> switch (d) {
            case Decision.DifferentPerson x -> t("import.decision.different");
            case Decision.SamePerson s -> t("import.decision.same", r.matches().stream()
                    .filter(m -> s.personId() == (m.personId() == null ? -1 : m.personId())).findFirst().map(this::matchLabel).orElse(""));
            case Decision.SameAsRow s -> t("import.decision.same", t("import.result.fileRow", s.row()));
        });
        select.setValue(decisions.get(r.row()));
        select.setAriaLabel(t("import.result.decision") + " " + r.row());
        select.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                decisions.remove(r.row());
            } else {
                decisions.put(r.row(), e.getValue());
            }
        });
        return select;
    }
}
