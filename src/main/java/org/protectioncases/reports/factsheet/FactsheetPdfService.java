package org.protectioncases.reports.factsheet;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.db.ReportWork;
import org.protectioncases.shared.i18n.AppI18NProvider;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.i18n.Language;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The factsheet as a publishable PDF (one or two A4 pages), with the same figures, scope and
 * readers as {@link FactsheetService#factsheet}. Every download is written to the audit trail and
 * the access log, with whether small counts were protected.
 */
@Service
public class FactsheetPdfService {

    /** The access-log entity type of a factsheet export; the entity id is the factsheet's year. */
    public static final String ACCESS_TYPE = "factsheet_pdf";

    private final FactsheetService factsheets;
    private final AppI18NProvider i18n;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    FactsheetPdfService(FactsheetService factsheets, AppI18NProvider i18n, AuditService audit, CurrentUser currentUser, Clock clock) {
        this.clock = clock;
        this.factsheets = factsheets;
        this.i18n = i18n;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /**
     * Writes the factsheet of {@code year} as of {@code asOf} as a PDF in the language of {@code locale}.
     *
     * @param external for external sharing (the default in the UI): counts from 1 to 4 print as "&lt;5"
     *                 and the place table is protected so that its total gives no hidden count away
     */
    @Allowed(Permission.READ_FACTSHEET)
    @Transactional
    @ReportWork
    public void writePdf(int year, LocalDate asOf, boolean external, Locale locale, OutputStream out) {
        Factsheet factsheet = factsheets.factsheet(year, asOf);
        new FactsheetPdf(factsheet, external, locale, (key, params) -> i18n.getTranslation(key, locale, params), LocalDate.now(clock))
                .write(out);
        AppUser user = currentUser.require();
        // Same transaction: a PDF that failed to render leaves no entry claiming it was exported.
        audit.recordMessage("EXPORT_PDF", "factsheet", year, new AuditMessage("history.factsheet.pdf", List.of(Formats.date(asOf),
                AuditMessage.keys(List.of(external ? "history.factsheet.pdf.protected" : "history.factsheet.pdf.unprotected")),
                Language.of(locale).nativeName()), "as of " + asOf + ", " + (external ? "small counts protected" : "UNPROTECTED")
                + ", language " + locale.getLanguage()));
        audit.recordAccess(ACCESS_TYPE, year, user.partnerId(), true);
    }
}
