package org.protectioncases.imports;

/** A file read for import: its name, its SHA-256 (hex) and its contents. */
public record UploadedFile(String fileName, String sha256, SourceTable table) {
}
