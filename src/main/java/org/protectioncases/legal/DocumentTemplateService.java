package org.protectioncases.legal;

import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.RecordNotFoundException;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.validation.SingleLine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's own versions of the document templates (its letterhead), uploaded by its
 * coordinators. An upload is checked before it is kept (a Word document, at most 1 MB, no macros,
 * ActiveX or external links, only placeholders of the documented set), so a template error is
 * shown to the coordinator at upload, never to a lawyer at generation. Every change is audited.
 */
@Service
public class DocumentTemplateService {

    /**
     * The languages documents are written in. Serbian in Cyrillic is made from the Serbian Latin
     * template unless the partner uploads a Cyrillic one ({@link TemplateStore}).
     */
    public static final List<Language> LANGUAGES = List.of(Language.SQ, Language.SR, Language.SR_CYRL, Language.EN);


    /** The largest template accepted, in bytes (letterheads with a logo are far smaller). */
    public static final int MAX_BYTES = 1_048_576;
    public static final int FILE_NAME_MAX = 255;
    public static final int ADDRESS_MAX = 300;
    static final String ACCESS_TYPE = "document_template";

    private final DocumentRepository repository;
    private final LegalAccess access;
    private final AuditService audit;

    DocumentTemplateService(DocumentRepository repository, LegalAccess access, AuditService audit) {
        this.repository = repository;
        this.access = access;
        this.audit = audit;
    }

    /** Every document in every language, with the partner's version in use (or none: the built-in one). */
    @Allowed(Permission.MANAGE_DOCUMENT_TEMPLATES)
    @Transactional(readOnly = true)
    public List<TemplateSlot> overview() {
        long partner = access.partner();
        Map<String, TemplateVersionDto> newest = repository.newestOfEach(partner).stream()
                .collect(Collectors.toMap(v -> v.kind() + "/" + v.language(), Function.identity()));
        List<TemplateSlot> slots = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            for (Language language : LANGUAGES) {
                TemplateVersionDto v = newest.get(kind + "/" + language);
                slots.add(new TemplateSlot(kind, language, v == null || v.retired() ? null : v,
                        v == null ? 0 : repository.countVersions(partner, kind, language)));
            }
        }
        return slots;
    }

    /** The partner's uploaded versions of one template, newest first. */
    @Allowed(Permission.MANAGE_DOCUMENT_TEMPLATES)
    @Transactional(readOnly = true)
    public List<TemplateVersionDto> versions(DocumentKind kind, Language language) {
        return repository.versions(access.partner(), kind, language);
    }

    /**
     * Checks an uploaded template and keeps it as the partner's new version in use. Reads at most one
     * byte over the limit. A refused file is not kept; the result says why and, for placeholders
     * outside the documented set, which.
     */
    @Allowed(Permission.MANAGE_DOCUMENT_TEMPLATES)
    @Transactional
    public TemplateUploadResult upload(DocumentKind kind, Language language, @Size(max = FILE_NAME_MAX) @SingleLine String fileName,
                                       InputStream content) {
        long partner = access.partner();
        byte[] bytes;
        try {
            bytes = content.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded template", e);
        }
        String name = fileName.strip().isEmpty() ? TemplateStore.builtInName(kind, language) : fileName.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        if (bytes.length == 0) {
            return refused("legal.template.empty", List.of(), List.of());
        }
        if (bytes.length > MAX_BYTES) {
            return refused("legal.template.tooLarge", List.of(), List.of());
        }
        if (lower.endsWith(".docm") || lower.endsWith(".dotm")) {
            return refused("legal.template.macros", List.of(), List.of());
        }
        Set<String> tokens;
        try (DocxTemplate template = DocxTemplate.read(bytes)) {
            tokens = template.tokens();
        } catch (DocxTemplate.Problem p) {
            audit.record("DOCUMENT_TEMPLATE_REFUSED", "partner", partner, kind + " " + language.code() + ": " + p.getMessage());
            return refused(p.messageKey(), List.of(), List.of());
        }
        List<String> placeholders = List.copyOf(tokens);
        List<String> unknown = placeholders.stream().filter(t -> Placeholder.of(t).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            audit.record("DOCUMENT_TEMPLATE_REFUSED", "partner", partner, kind + " " + language.code() + ": unknown placeholders");
            return refused("legal.template.unknownPlaceholders", placeholders, unknown);
        }
        TemplateVersionDto saved = repository.insert(partner, kind, language, name.length() > FILE_NAME_MAX ? name.substring(0, FILE_NAME_MAX) : name,
                bytes, placeholders, access.user().getUsername());
        audit.record("DOCUMENT_TEMPLATE_UPLOADED", "partner", partner, kind + " " + language.code() + " version " + saved.version()
                + " (" + bytes.length + " bytes)");
        return new TemplateUploadResult(saved, null, placeholders, List.of());
    }

    private static TemplateUploadResult refused(String key, List<String> placeholders, List<String> unknown) {
        return new TemplateUploadResult(null, key, placeholders, unknown);
    }

    /** Sets the partner's versions aside: documents are made from the built-in template again. */
    @Allowed(Permission.MANAGE_DOCUMENT_TEMPLATES)
    @Transactional
    public void useBuiltIn(DocumentKind kind, Language language) {
        long partner = access.partner();
        if (repository.retire(partner, kind, language) > 0) {
            audit.record("DOCUMENT_TEMPLATE_RETIRED", "partner", partner, kind + " " + language.code() + ": built-in template in use");
        }
    }

    /**
     * One of the partner's uploaded versions, to download. Another partner's version is answered as
     * "not found" (row-level security hides it) and the attempt is logged.
     */
    @Allowed(Permission.MANAGE_DOCUMENT_TEMPLATES)
    @Transactional // not read-only: a refusal writes record_access
    public TemplateFile version(long versionId) {
        long partner = access.partner();
        Optional<TemplateVersionDto> v = repository.version(versionId);
        if (v.isEmpty()) {
            audit.recordAccess(ACCESS_TYPE, versionId, partner, false);
            throw new TemplateNotFoundException(versionId);
        }
        return new TemplateFile(v.get().fileName(), repository.content(versionId).orElseThrow());
    }

    /** The template shipped with the app, the starting point for a partner's own version. */
    @Allowed(Permission.MANAGE_DOCUMENT_TEMPLATES)
    public TemplateFile builtIn(DocumentKind kind, Language language) {
        return new TemplateFile(TemplateStore.builtInName(kind, language), TemplateStore.builtIn(kind, language));
    }

    /** The partner's address as documents print it ({@code {{partner.address}}}), if set. */
    @Allowed(Permission.GENERATE_DOCUMENTS)
    @Transactional(readOnly = true)
    public Optional<String> letterheadAddress() {
        return repository.letterheadAddress(access.partner());
    }

    /** Sets (or, blank, removes) the partner's address for documents. */
    @Allowed(Permission.MANAGE_DOCUMENT_TEMPLATES)
    @Transactional
    public void setLetterheadAddress(@Size(max = ADDRESS_MAX) @SingleLine @Nullable String address) {
        long partner = access.partner();
        if (address == null || address.isBlank()) {
            repository.deleteLetterheadAddress(partner);
        } else {
            repository.saveLetterheadAddress(partner, address.strip(), access.user().getUsername());
        }
        audit.record("DOCUMENT_LETTERHEAD_CHANGED", "partner", partner, null);
    }

    /** No such template version, or another partner's: deliberately the same. */
    public static class TemplateNotFoundException extends RecordNotFoundException {
        TemplateNotFoundException(long id) {
            super("Document template " + id + " not found");
        }
    }
}
