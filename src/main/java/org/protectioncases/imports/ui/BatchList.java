package org.protectioncases.imports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.stream.Collectors;
import org.protectioncases.imports.BatchSummary;
import org.protectioncases.imports.ImportService;
import org.protectioncases.imports.UndoRefusedException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.Staff;

/** The partner's import batches, newest first, each with its result and, while allowed, an undo button. */
final class BatchList {

    private final Grid<BatchSummary> grid;
    private final Paragraph undoError;
    private final ImportService service;

    BatchList(Grid<BatchSummary> grid, Paragraph undoError, ImportService service) {
        this.grid = grid;
        this.undoError = undoError;
        this.service = service;
        grid.addColumn(b -> Formats.dateTime(b.createdAt().toInstant())).setHeader(t("import.batch.when")).setAutoWidth(true);
        grid.addColumn(b -> t(b.kind().messageKey())).setHeader(t("import.batch.kind")).setAutoWidth(true);
        grid.addColumn(BatchSummary::fileName).setHeader(t("import.batch.file"));
        grid.addColumn(b -> Staff.name(b.createdBy())).setHeader(t("import.batch.by"));
        grid.addColumn(b -> b.failure() != null ? t("import.batch.failed", t(b.failure().messageKey()))
                : t("import.batch.counts", b.created(), b.linked(), b.skipped())).setHeader(t("import.batch.result"));
        grid.addComponentColumn(this::undoCell).setHeader(t("import.batch.undo"));
        grid.setItems(query -> service.batches(query.getOffset(), query.getLimit()).stream(), query -> (int) service.countBatches());
        grid.setAriaLabel(t("import.batch.title"));
        grid.getElement().setAttribute("data-phone-columns", "2,4,5");
        undoError.addClassName("field-error");
        undoError.getElement().setAttribute("role", "alert");
    }

    /** Asks before importing a file again that this partner imported before. */
    static void confirmAgain(Component page, BatchSummary previous, Runnable again) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(page.getTranslation("import.again.title"));
        dialog.add(new Paragraph(page.getTranslation("import.again.text", previous.fileName(),
                Formats.dateTime(previous.createdAt().toInstant()), Staff.name(previous.createdBy()))));
        Button cancel = new Button(page.getTranslation("common.cancel"), e -> dialog.close());
        Button confirm = new Button(page.getTranslation("import.again.confirm"), e -> {
            dialog.close();
            again.run();
        });
        confirm.addThemeVariants(ButtonVariant.ERROR);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private String t(String key, Object... params) {
        return grid.getTranslation(key, params);
    }

    private Component undoCell(BatchSummary b) {
        if (b.undone()) {
            return new Span(t("import.batch.undone", Staff.name(b.undoneBy()), Formats.dateTime(b.undoneAt().toInstant())));
        }
        if (!service.mayUndo(b.id())) {
            return new Span();
        }
        Button undo = new Button(t("import.batch.undo"), e -> {
            try {
                service.undo(b.id());
                undoError.setText("");
                Notifications.success(t("import.undo.done", b.fileName()));
            } catch (UndoRefusedException ex) {
                String blockers = ex.blockers().stream().map(x -> t("import.undo.blocker", x.row(),
                        t("import.undo.reason." + x.reason()))).collect(Collectors.joining("; "));
                undoError.setText(t(ex.messageKey()) + (blockers.isEmpty() ? "" : " " + blockers));
            }
            grid.getDataProvider().refreshAll();
        });
        undo.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
        return undo;
    }
}
