package org.protectioncases.dataprotection.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.protectioncases.dataprotection.DueCount;
import org.protectioncases.dataprotection.DueRecord;
import org.protectioncases.dataprotection.ErasureRequest;
import org.protectioncases.dataprotection.ErasureService;
import org.protectioncases.dataprotection.ErasureStatus;
import org.protectioncases.dataprotection.LegalHold;
import org.protectioncases.dataprotection.RetentionRule;
import org.protectioncases.dataprotection.RetentionRunResult;
import org.protectioncases.dataprotection.RetentionService;
import org.protectioncases.dataprotection.SubjectAccessService;
import org.protectioncases.security.Access;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.Staff;

/**
 * Data protection (issue #16). UNHCR managers: the retention schedule (years and on/off per kind),
 * the dry run across partners, a run on demand, legal holds, and erasure requests to confirm or
 * reject. Coordinators: the schedule (read-only), the dry run of their partner's records, and
 * erasure requests for their partner's people. What each may do the services decide; the view
 * only leaves out what {@link Access} says the user may not do.
 */
@Route("data-protection")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR})
@Menu(order = 75, title = "dataprotection.nav", icon = "vaadin:shield")
public class DataProtectionView extends Main implements HasDynamicTitle {

    final Grid<RetentionRule> rules = new Grid<>();
    final Grid<DueCount> counts = new Grid<>();
    final Grid<DueRecord> records = new Grid<>();
    final Grid<LegalHold> holds = new Grid<>();
    final Grid<ErasureRequest> requests = new Grid<>();
    final Button dryRun = new Button();
    final Button runNow = new Button();
    final TextField holdNo = new TextField();
    final TextField holdReason = new TextField();
    final TextField erasureNo = new TextField();
    final TextField erasureReason = new TextField();

    private final RetentionService retention;
    private final ErasureService erasure;
    private final SubjectAccessService subjectAccess;
    private final boolean manager;
    final TextField accessNo = new TextField();
    final ComboBox<Language> accessLanguage = new ComboBox<>();
    final Button prepare = new Button();
    final HorizontalLayout downloads = new HorizontalLayout();

    public DataProtectionView(RetentionService retention, ErasureService erasure, SubjectAccessService subjectAccess, Access access) {
        this.retention = retention;
        this.erasure = erasure;
        this.subjectAccess = subjectAccess;
        this.manager = access.may(Permission.MANAGE_RETENTION);
        addClassName("page");
        add(new H2(getTranslation("dataprotection.nav")), new Paragraph(getTranslation("dataprotection.help")));

        add(new H3(getTranslation("dataprotection.rules")), rulesGrid());

        dryRun.setText(getTranslation("dataprotection.dryRun"));
        dryRun.addClickListener(e -> showDryRun());
        runNow.setText(getTranslation("dataprotection.runNow"));
        runNow.addThemeVariants(ButtonVariant.ERROR);
        runNow.setVisible(manager);
        runNow.addClickListener(e -> {
            RetentionRunResult result = retention.runNow();
            if (result.ran()) {
                Notifications.success(getTranslation("dataprotection.ran", result.done().values().stream().mapToLong(Long::longValue).sum() + result.drafts()));
            } else {
                Notifications.error(getTranslation("dataprotection.skipped"));
            }
            showDryRun();
        });
        counts.addColumn(c -> getTranslation(c.kind().messageKey())).setHeader(getTranslation("dataprotection.kind")).setAutoWidth(true);
        counts.addColumn(c -> c.partnerCode() == null ? getTranslation("dataprotection.notPartner") : c.partnerCode())
                .setHeader(getTranslation("dataprotection.partner")).setAutoWidth(true);
        counts.addColumn(DueCount::count).setHeader(getTranslation("dataprotection.count")).setAutoWidth(true);
        counts.setAllRowsVisible(true);
        counts.setVisible(false);
        records.addColumn(r -> getTranslation(r.kind().messageKey())).setHeader(getTranslation("dataprotection.kind")).setAutoWidth(true);
        records.addColumn(DueRecord::label).setHeader(getTranslation("dataprotection.record")).setAutoWidth(true);
        records.setAllRowsVisible(true);
        records.setVisible(false);
        HorizontalLayout runBar = new HorizontalLayout(dryRun, runNow);
        runBar.addClassName("toolbar");
        add(new H3(getTranslation("dataprotection.dryRun")), new Paragraph(getTranslation("dataprotection.dryRun.help")), runBar, counts, records);

        if (manager) {
            add(new H3(getTranslation("dataprotection.holds")), holdForm(), holdsGrid());
        }
        if (access.may(Permission.EXPORT_SUBJECT_DATA)) {
            add(new H3(getTranslation("subjectaccess.nav")), new Paragraph(getTranslation("subjectaccess.help")), subjectAccessForm());
        }
        add(new H3(getTranslation("dataprotection.erasure")), new Paragraph(getTranslation("dataprotection.erasure.help")));
        if (access.may(Permission.REQUEST_ERASURE)) {
            add(erasureForm());
        }
        add(requestsGrid());
    }

    private Grid<RetentionRule> rulesGrid() {
        rules.addColumn(r -> getTranslation(r.kind().messageKey())).setHeader(getTranslation("dataprotection.kind")).setFlexGrow(1);
        rules.addComponentColumn(r -> {
            IntegerField years = new IntegerField();
            years.setMin(RetentionRule.MIN_YEARS);
            years.setMax(RetentionRule.MAX_YEARS);
            years.setValue(r.years());
            years.setWidth("6em");
            years.setReadOnly(!manager);
            years.setAriaLabel(getTranslation("dataprotection.years") + " " + getTranslation(r.kind().messageKey()));
            Checkbox enabled = new Checkbox(getTranslation("dataprotection.enabled"), r.enabled());
            enabled.setReadOnly(!manager);
            Button save = new Button(getTranslation("dataprotection.save"), e -> {
                try {
                    retention.updateRule(r.kind(), years.getValue() == null ? 0 : years.getValue(), enabled.getValue(), r.version());
                    Notifications.success(getTranslation("dataprotection.saved"));
                    rules.setItems(retention.rules());
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("years", years), this);
                }
            });
            save.setVisible(manager);
            HorizontalLayout cell = new HorizontalLayout(years, enabled, save);
            cell.setAlignItems(FlexComponent.Alignment.BASELINE);
            return cell;
        }).setHeader(getTranslation("dataprotection.years")).setAutoWidth(true);
        rules.addColumn(r -> Formats.MOMENT.format(r.updatedAt()) + " · " + Staff.name(r.updatedBy()))
                .setHeader(getTranslation("dataprotection.updated")).setAutoWidth(true);
        rules.setItems(retention.rules());
        rules.setAllRowsVisible(true);
        return rules;
    }

    private void showDryRun() {
        counts.setItems(retention.dryRunCounts());
        counts.setVisible(true);
        if (!manager) {
            records.setItems(retention.dryRunRecords());
            records.setVisible(true);
        }
    }

    private HorizontalLayout holdForm() {
        holdNo.setLabel(getTranslation("dataprotection.registrationNo"));
        holdNo.setMaxLength(20);
        holdReason.setLabel(getTranslation("dataprotection.reason"));
        holdReason.setMaxLength(LegalHold.REASON_MAX);
        holdReason.setWidth("24em");
        Button place = new Button(getTranslation("dataprotection.placeHold"), e -> {
            FormErrors.clear(Map.of("registrationNo", holdNo, "reason", holdReason));
            try {
                retention.placeHold(holdNo.getValue(), holdReason.getValue());
                Notifications.success(getTranslation("dataprotection.holdPlaced"));
                holdNo.clear();
                holdReason.clear();
                holds.setItems(retention.holds(0, RetentionService.PAGE_MAX));
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("registrationNo", holdNo, "reason", holdReason), this);
            }
        });
        HorizontalLayout form = new HorizontalLayout(holdNo, holdReason, place);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private Grid<LegalHold> holdsGrid() {
        holds.addColumn(LegalHold::registrationNo).setHeader(getTranslation("dataprotection.registrationNo")).setAutoWidth(true);
        holds.addColumn(LegalHold::reason).setHeader(getTranslation("dataprotection.reason")).setFlexGrow(1);
        holds.addColumn(h -> Formats.MOMENT.format(h.placedAt()) + " · " + Staff.name(h.placedBy()))
                .setHeader(getTranslation("dataprotection.placedBy")).setAutoWidth(true);
        holds.addComponentColumn(h -> new Button(getTranslation("dataprotection.releaseHold"), e -> {
            retention.releaseHold(h.id());
            holds.setItems(retention.holds(0, RetentionService.PAGE_MAX));
        })).setAutoWidth(true);
        holds.setItems(retention.holds(0, RetentionService.PAGE_MAX));
        holds.setAllRowsVisible(true);
        return holds;
    }

    private HorizontalLayout erasureForm() {
        erasureNo.setLabel(getTranslation("dataprotection.registrationNo"));
        erasureNo.setMaxLength(20);
        erasureReason.setLabel(getTranslation("dataprotection.reason"));
        erasureReason.setMaxLength(ErasureRequest.REASON_MAX);
        erasureReason.setWidth("24em");
        Button ask = new Button(getTranslation("dataprotection.requestErasure"), e -> {
            FormErrors.clear(Map.of("registrationNo", erasureNo, "reason", erasureReason));
            try {
                erasure.request(erasureNo.getValue(), erasureReason.getValue());
                Notifications.success(getTranslation("dataprotection.erasureRequested"));
                erasureNo.clear();
                erasureReason.clear();
                refreshRequests();
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("registrationNo", erasureNo, "reason", erasureReason), this);
            }
        });
        ask.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout form = new HorizontalLayout(erasureNo, erasureReason, ask);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    /**
     * Registration number and language, checked first (a wrong number gets its message next to the
     * field), then the two downloads for exactly that person and language.
     */
    private Component subjectAccessForm() {
        accessNo.setLabel(getTranslation("dataprotection.registrationNo"));
        accessNo.setMaxLength(20);
        accessLanguage.setLabel(getTranslation("subjectaccess.language"));
        accessLanguage.setItems(Language.values());
        accessLanguage.setItemLabelGenerator(Language::nativeName);
        accessLanguage.setValue(Language.EN);
        prepare.setText(getTranslation("subjectaccess.nav"));
        prepare.addThemeVariants(ButtonVariant.PRIMARY);
        downloads.setVisible(false);
        prepare.addClickListener(e -> {
            FormErrors.clear(Map.of("registrationNo", accessNo));
            downloads.removeAll();
            downloads.setVisible(false);
            String number = accessNo.getValue();
            Language language = accessLanguage.getValue() == null ? Language.EN : accessLanguage.getValue();
            try {
                subjectAccess.collect(number, language);
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("registrationNo", accessNo), this);
                return;
            }
            downloads.add(download(number, language, true), download(number, language, false));
            downloads.setVisible(true);
        });
        HorizontalLayout form = new HorizontalLayout(accessNo, accessLanguage, prepare);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return new Div(form, downloads);
    }

    private Anchor download(String number, Language language, boolean pdf) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            var out = new ByteArrayOutputStream();
            try {
                if (pdf) {
                    subjectAccess.writePdf(number, language, out);
                } else {
                    subjectAccess.writeJson(number, language, out);
                }
            } catch (FieldValidationException ex) {
                return DownloadResponse.error(HttpStatusCode.BAD_REQUEST);
            }
            String file = "subject-access-" + number.strip() + "-" + language.code() + (pdf ? ".pdf" : ".json");
            return new DownloadResponse(new ByteArrayInputStream(out.toByteArray()), file,
                    pdf ? "application/pdf" : "application/json", out.size());
        }), AttachmentType.DOWNLOAD, getTranslation(pdf ? "subjectaccess.pdf" : "subjectaccess.json"));
        link.addClassName("button-link");
        return link;
    }

    private Grid<ErasureRequest> requestsGrid() {
        requests.addColumn(ErasureRequest::registrationNo).setHeader(getTranslation("dataprotection.registrationNo")).setAutoWidth(true);
        requests.addColumn(ErasureRequest::partnerCode).setHeader(getTranslation("dataprotection.partner")).setAutoWidth(true);
        requests.addColumn(ErasureRequest::reason).setHeader(getTranslation("dataprotection.reason")).setFlexGrow(1);
        requests.addColumn(r -> Formats.MOMENT.format(r.requestedAt()) + " · " + Staff.name(r.requestedBy()))
                .setHeader(getTranslation("dataprotection.requestedBy")).setAutoWidth(true);
        requests.addColumn(r -> getTranslation("dataprotection.erasure.status." + r.status().name())
                        + (r.decidedBy() == null ? "" : " · " + Staff.name(r.decidedBy())))
                .setHeader(getTranslation("dataprotection.status")).setAutoWidth(true);
        if (manager) {
            requests.addComponentColumn(r -> {
                HorizontalLayout actions = new HorizontalLayout();
                if (r.status() == ErasureStatus.PENDING) {
                    Button confirm = new Button(getTranslation("dataprotection.confirm"), e -> decide(() -> erasure.confirm(r.id()),
                            "dataprotection.erasureConfirmed"));
                    confirm.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
                    Button reject = new Button(getTranslation("dataprotection.reject"), e -> decide(() -> erasure.reject(r.id()),
                            "dataprotection.erasureRejected"));
                    actions.add(confirm, reject);
                }
                return actions;
            }).setAutoWidth(true);
        }
        refreshRequests();
        requests.setAllRowsVisible(true);
        return requests;
    }

    private void decide(Runnable action, String doneKey) {
        try {
            action.run();
            Notifications.success(getTranslation(doneKey));
        } catch (FieldValidationException ex) {
            Notifications.error(getTranslation(ex.fieldErrors().values().iterator().next()));
        }
        refreshRequests();
    }

    private void refreshRequests() {
        requests.setItems(erasure.requests(null, 0, RetentionService.PAGE_MAX));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dataprotection.nav") + " | " + getTranslation("app.name");
    }
}
