package org.protectioncases.legal;

import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.attachments.AttachmentService;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.cases.CaseNotFoundException;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.security.AppUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.validation.SingleLine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Document assembly: a power of attorney, a request to the civil registry, an appeal... filled from
 * the case, its person, parties and events, the lawyer and the partner, in the language chosen for
 * the document. For those who may change the case (its partner's coordinators and the assigned
 * lawyer); held back, like other legal work, by an uncleared conflict of interest. Each document is
 * recorded on the case and in its history; a PDF copy can be attached to the case.
 */
@Service
public class DocumentAssemblyService {

    /** Printed where neither the records nor the lawyer gave a value: a line to fill in by hand. */
    public static final String BLANK = "____________________";
    public static final int VALUE_MAX = 300;
    public static final int HISTORY_MAX = 200;
    static final String CASE_KIND = "CASE";

    private final DocumentRepository repository;
    private final TemplateStore templates;
    private final LegalAccess access;
    private final AuditService audit;
    private final AttachmentService attachments;
    private final Clock clock;

    DocumentAssemblyService(DocumentRepository repository, TemplateStore templates, LegalAccess access, AuditService audit,
                            AttachmentService attachments, ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.templates = templates;
        this.access = access;
        this.audit = audit;
        this.attachments = attachments;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** Whether the user may generate documents on the case (the case page shows the form only then). */
    @Allowed(Permission.GENERATE_DOCUMENTS)
    @Transactional(readOnly = true)
    public boolean canGenerate(long caseId) {
        return access.mayChange(caseId);
    }

    /** Every placeholder the document's template uses, with the value it would get; nothing is recorded. */
    @Allowed(Permission.GENERATE_DOCUMENTS)
    @Transactional // not read-only: a refusal writes record_access
    public DocumentPreview preview(long caseId, DocumentKind kind, Language language) {
        CaseSummary c = changeable(caseId);
        TemplateStore.Resolved template = templates.resolve(access.partner(), kind, language);
        Map<Placeholder, @Nullable String> values = data(c).values(language);
        List<DocumentPreview.Value> used = new ArrayList<>();
        for (Placeholder p : placeholders(template.bytes())) {
            used.add(new DocumentPreview.Value(p, values.get(p)));
        }
        String blocked = null;
        try {
            access.workable(caseId, "kind");
        } catch (FieldValidationException e) {
            blocked = e.fieldErrors().values().iterator().next();
        }
        return new DocumentPreview(kind, language, template.version() == null ? null : template.version().version(), used, blocked);
    }

    /**
     * Generates the document. {@code typed} gives values (by placeholder name, e.g.
     * {@code person.personalNumber}) for placeholders the records have no value for; what is still
     * missing prints as {@link #BLANK} and is named in the record of the document.
     */
    @Allowed(Permission.GENERATE_DOCUMENTS)
    @Transactional
    public GeneratedDocument generate(long caseId, DocumentRequest request,
                                      @Size(max = 40) Map<@Size(max = 40) @SingleLine String, @Size(max = VALUE_MAX) @SingleLine String> typed) {
        changeable(caseId);
        CaseSummary c = access.workable(caseId, "kind");
        FieldErrors errors = new FieldErrors();
        typed.keySet().forEach(k -> errors.rejectIf(Placeholder.of(k).isEmpty(), k, "legal.document.unknownPlaceholder"));
        errors.throwIfAny();
        AppUser user = access.user();
        TemplateStore.Resolved template = templates.resolve(access.partner(), request.kind(), request.language());
        Map<Placeholder, @Nullable String> values = data(c).values(request.language());
        Set<String> blanks = new LinkedHashSet<>();
        byte[] docx;
        byte[] pdf = null;
        String base = fileBase(c, request);
        try (DocxTemplate doc = DocxTemplate.read(template.bytes())) {
            doc.fill(token -> {
                Placeholder p = Placeholder.of(token).orElse(null);
                String value = p == null ? null : values.get(p);
                if (value == null && p != null) {
                    String t = typed.get(p.token());
                    value = t == null || t.isBlank() ? null : t.strip();
                }
                if (value == null) {
                    blanks.add(token);
                    return BLANK;
                }
                return value;
            });
            docx = doc.docx();
            if (request.format() == DocumentFormat.PDF || request.saveCopy()) {
                pdf = new DocxPdf().render(doc.document(), base);
            }
        } catch (DocxTemplate.Problem e) {
            // Uploads are checked and built-ins tested: a template that no longer reads is a defect, not the lawyer's input.
            throw new IllegalStateException("Template " + request.kind() + " " + request.language() + " cannot be read", e);
        }
        Long attachmentId = null;
        if (request.saveCopy() && pdf != null) {
            attachmentId = attachments.attach(CASE_KIND, caseId, base + ".pdf", new ByteArrayInputStream(pdf)).id();
        }
        String blankList = blanks.isEmpty() ? null : String.join(", ", blanks);
        if (blankList != null && blankList.length() > 1000) {
            blankList = blankList.substring(0, 1000);
        }
        repository.recordGenerated(caseId, request, template.version(), blankList, attachmentId, user.getUsername());
        List<String> args = new ArrayList<>(List.of(AuditMessage.keys(List.of(request.kind().messageKey())),
                AuditMessage.text(request.language().nativeName()), request.format().name()));
        if (blankList != null) {
            args.add(AuditMessage.text(blankList));
        }
        audit.recordMessage("DOCUMENT_GENERATED", "case", caseId, new AuditMessage(
                blankList == null ? "history.legal.document" : "history.legal.documentBlank", args,
                request.kind() + " " + request.language().code() + " " + request.format()
                        + ", template " + (template.version() == null ? "built-in" : "version " + template.version().version())
                        + (blankList == null ? "" : ", left blank: " + blankList) + (attachmentId == null ? "" : ", PDF copy attached")));
        return request.format() == DocumentFormat.PDF
                ? new GeneratedDocument(base + ".pdf", DocumentFormat.PDF, Objects.requireNonNull(pdf), attachmentId)
                : new GeneratedDocument(base + ".docx", DocumentFormat.DOCX, docx, attachmentId);
    }

    /** The documents generated on the case, newest first (at most {@link #HISTORY_MAX}). */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public List<GeneratedDocumentDto> history(long caseId) {
        access.readable(caseId);
        return repository.generated(caseId, HISTORY_MAX);
    }

    /** The case, if the user may change it; a refusal (another partner's case, one out of reach) is logged. */
    private CaseSummary changeable(long caseId) {
        try {
            return access.changeable(caseId);
        } catch (CaseNotFoundException e) {
            audit.recordAccess("case", caseId, access.user().partnerId(), false);
            throw e;
        }
    }

    private DocumentData data(CaseSummary c) {
        LocalDate today = LocalDate.now(clock);
        long partner = access.partner();
        return new DocumentData(repository.person(c.id()), repository.facts(c, today), access.user().fullName(),
                repository.partnerName(partner), repository.letterheadAddress(partner).orElse(null), today);
    }

    private static List<Placeholder> placeholders(byte[] template) {
        try (DocxTemplate doc = DocxTemplate.read(template)) {
            return doc.tokens().stream().map(Placeholder::of).flatMap(Optional::stream).toList();
        } catch (DocxTemplate.Problem e) {
            throw new IllegalStateException("A stored template cannot be read", e);
        }
    }

    /** e.g. {@code power-of-attorney-sq-C-2026-000123}: plain ASCII, safe in every browser and file system. */
    private static String fileBase(CaseSummary c, DocumentRequest request) {
        return (request.kind().fileBase() + "-" + request.language().code() + "-" + c.caseNo()).replaceAll("[^A-Za-z0-9-]", "-");
    }
}
