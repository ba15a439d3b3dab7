package org.protectioncases.legal;

import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.i18n.Language;

/** A document in a language and the template it is made from: the partner's version in use, or null for the built-in one. */
public record TemplateSlot(DocumentKind kind, Language language, @Nullable TemplateVersionDto inUse, int versions) {
}
