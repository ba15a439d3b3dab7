package org.protectioncases.cases;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.StaffNames;
import org.protectioncases.shared.db.ReportWork;
import org.protectioncases.shared.db.StatementTimeouts;
import org.protectioncases.shared.export.ExportFormat;
import org.protectioncases.shared.export.TableWriter;
import org.protectioncases.shared.i18n.AppI18NProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case list exports (CSV or XLSX), streamed from a database cursor into the response.
 * Limited by role: a lawyer exports the cases assigned to them, a coordinator their partner's
 * cases, a UNHCR manager all cases without the person columns (managers need the numbers, not
 * the names). Monitors and ADMIN export nothing. Every export, finished or not, is logged.
 */
@Service
public class CaseExportService {

    private final CaseQueryRepository queries;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final AppI18NProvider i18n;
    private final TransactionTemplate cursor;
    private final StatementTimeouts timeouts;
    private final StaffNames staff;

    CaseExportService(CaseQueryRepository queries, CurrentUser currentUser, AuditService audit, AppI18NProvider i18n,
                      PlatformTransactionManager transactions, StatementTimeouts timeouts, StaffNames staff) {
        this.staff = staff;
        this.timeouts = timeouts;
        this.queries = queries;
        this.currentUser = currentUser;
        this.audit = audit;
        this.i18n = i18n;
        this.cursor = new TransactionTemplate(transactions);
        cursor.setReadOnly(true);
    }

    /** Whether the current user's export includes the person columns (registration number, name). */
    @Allowed(Permission.EXPORT_CASES)
    public boolean includesPersons() {
        return currentUser.require().role() != Role.UNHCR_MANAGER;
    }

    /**
     * Writes the cases of {@code filter} the user may export to {@code out} and returns the number
     * of cases written. Headers and coded values are in {@code locale}. Not one transaction: the
     * cursor's read-only transaction ends (giving its connection back) before the export is
     * logged, so logging never needs a second connection while the cursor holds one.
     */
    @Allowed(Permission.EXPORT_CASES)
    @ReportWork
    public long export(@Valid CaseFilter filter, ExportFormat format, OutputStream out, Locale locale) {
        AppUser user = currentUser.require();
        boolean manager = user.role() == Role.UNHCR_MANAGER;
        @Nullable Long scope = manager ? null : Objects.requireNonNull(user.partnerId());
        CaseFilter limited = user.role() == Role.PARTNER_LAWYER
                ? new CaseFilter(true, filter.type(), filter.status(), null, filter.overdue(), filter.personId(), filter.search())
                : filter;
        long[] written = {0};
        boolean finished = false;
        try (TableWriter table = TableWriter.open(format, out, t("nav.cases", locale))) {
            table.header(headers(!manager, locale));
            cursor.executeWithoutResult(tx -> {
                timeouts.useReportLimit();
                queries.stream(scope, user.getUsername(), limited, !manager, rs -> {
                    List<@Nullable Object> row = new ArrayList<>(12);
                    row.add(rs.getString("case_no"));
                    row.add(t(CaseType.valueOf(rs.getString("case_type")).messageKey(), locale));
                    row.add(t(CaseStatus.valueOf(rs.getString("status")).messageKey(), locale));
                    row.add(t(CasePriority.valueOf(rs.getString("priority")).messageKey(), locale));
                    row.add(rs.getString("partner_code"));
                    if (!manager) {
                        row.add(rs.getString("registration_no"));
                        row.add(rs.getString("person_name"));
                    }
                    row.add(rs.getObject("opened_on", LocalDate.class));
                    row.add(rs.getObject("next_action_date", LocalDate.class));
                    row.add(staff.name(rs.getString("assigned_to")));
                    row.add(rs.getObject("closed_on", LocalDate.class));
                    String outcome = rs.getString("outcome");
                    row.add(outcome == null ? null : t(CaseOutcome.valueOf(outcome).messageKey(), locale));
                    try {
                        table.row(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    written[0]++;
                });
            });
            finished = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            audit.recordExport("case-list", describe(limited, scope, format, finished), written[0]);
        }
        return written[0];
    }

    private List<String> headers(boolean withPerson, Locale locale) {
        List<String> headers = new ArrayList<>(List.of(t("case.number", locale), t("case.type", locale),
                t("case.status", locale), t("case.priority", locale), t("partner.code", locale)));
        if (withPerson) {
            headers.add(t("person.registrationNo", locale));
            headers.add(t("case.person", locale));
        }
        headers.addAll(List.of(t("case.openedOn", locale), t("case.nextAction", locale), t("case.assignedTo", locale),
                t("case.closedOn", locale), t("case.outcome", locale)));
        return headers;
    }

    private static String describe(CaseFilter f, @Nullable Long scope, ExportFormat format, boolean finished) {
        return format + (finished ? "" : " (interrupted)") + "; partner=" + (scope == null ? "all" : scope)
                + (f.mine() ? "; mine" : "") + (f.type() == null ? "" : "; type=" + f.type())
                + (f.status() == null ? "" : "; status=" + f.status())
                + (f.assignedTo() == null || f.assignedTo().isBlank() ? "" : "; caseworker=" + f.assignedTo())
                + (f.overdue() ? "; overdue" : "") + (f.personId() == null ? "" : "; person=" + f.personId())
                + (f.search() == null || f.search().isBlank() ? "" : "; search");
    }

    private String t(String key, Locale locale) {
        return i18n.getTranslation(key, locale);
    }
}
