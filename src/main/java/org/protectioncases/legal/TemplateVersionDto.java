package org.protectioncases.legal;

import java.time.Instant;
import java.util.List;
import org.protectioncases.shared.i18n.Language;

/** One uploaded version of a partner's template. */
public record TemplateVersionDto(long id, DocumentKind kind, Language language, int version, String fileName, List<String> placeholders,
                                 String uploadedBy, Instant uploadedAt, boolean retired) {
}
