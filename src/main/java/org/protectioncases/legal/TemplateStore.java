package org.protectioncases.legal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.i18n.Language;
import org.springframework.stereotype.Component;

/** Which template a document is made from: the partner's version in use, else the built-in one shipped with the app. */
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
        if (newest == null) {
            return new Resolved(builtIn(kind, language), null);
        }
        return new Resolved(repository.content(newest.id()).orElseThrow(), newest);
    }

    static String builtInName(DocumentKind kind, Language language) {
        return kind.fileBase() + "." + language.code() + ".docx";
    }

    static byte[] builtIn(DocumentKind kind, Language language) {
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
}
