package org.protectioncases.legal;

import org.protectioncases.shared.i18n.Language;

/** Which document to generate, in which language and format; {@code saveCopy} attaches a PDF copy to the case. */
public record DocumentRequest(DocumentKind kind, Language language, DocumentFormat format, boolean saveCopy) {
}
