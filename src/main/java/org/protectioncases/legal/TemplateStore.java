package org.protectioncases.legal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.i18n.SerbianCyrillic;
import org.springframework.stereotype.Component;

/**
 * Which template a document is made from: the partner's version in use, else the built-in one
 * shipped with the app. Serbian in Cyrillic has no built-in file of its own: unless the partner
 * uploaded a Cyrillic version, the Serbian Latin template (the partner's or the built-in one) is
 * transliterated, its placeholders kept, so one Serbian text serves both scripts as the UI does.
 */
@Component
class TemplateStore {

    /** A template's bytes and, for a partner's own, its version (null: built-in). */
    record Resolved(byte[] bytes, @Nullable TemplateVersionDto version) {
    }

    private final DocumentRepository repository;

    TemplateStore(DocumentRepository repository) {
        this.repository = repository;
    }

    Resolved resolve(long partner, DocumentKind kind, Language language) {
        TemplateVersionDto newest = repository.newest(partner, kind, language).filter(v -> !v.retired()).orElse(null);
        if (newest != null) {
            return new Resolved(repository.content(newest.id()).orElseThrow(), newest);
        }
        if (language == Language.SR_CYRL) {
            Resolved latin = resolve(partner, kind, Language.SR);
            return new Resolved(cyrillic(latin.bytes()), latin.version());
        }
        return new Resolved(builtIn(kind, language), null);
    }

    static String builtInName(DocumentKind kind, Language language) {
        return kind.fileBase() + "." + language.code() + ".docx";
    }

    static byte[] builtIn(DocumentKind kind, Language language) {
        if (language == Language.SR_CYRL) {
            return cyrillic(builtIn(kind, Language.SR));
        }
        String resource = "legal/templates/" + builtInName(kind, language);
        try (InputStream in = TemplateStore.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Built-in template " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Serbian Latin template in Cyrillic letters, placeholders untouched. */
    static byte[] cyrillic(byte[] latinTemplate) {
        try (DocxTemplate doc = DocxTemplate.read(latinTemplate)) {
            doc.transliterate(SerbianCyrillic::convert);
            return doc.docx();
        } catch (DocxTemplate.Problem e) {
            // Uploads are checked when kept and built-ins tested: one that no longer reads is a defect.
            throw new IllegalStateException("A Serbian template cannot be read", e);
        }
    }
}
