package org.protectioncases.legal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.i18n.Language;

/** A document generated on a case: who, when, from which template (null version: the built-in one). */
public record GeneratedDocumentDto(long id, DocumentKind kind, Language language, DocumentFormat format, @Nullable Integer templateVersion,
                                   @Nullable String blanks, boolean savedToCase, String generatedBy, Instant generatedAt) {
}
