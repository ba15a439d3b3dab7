package org.protectioncases.legal;

import org.jspecify.annotations.Nullable;

/** A generated document for download (a few hundred kilobytes at most: templates are limited to 1 MB). */
public record GeneratedDocument(String fileName, DocumentFormat format, byte[] content, @Nullable Long attachmentId) {
}
