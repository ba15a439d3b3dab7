package org.protectioncases.legal;

/** A template's file, to download and edit (the coordinator's starting point for a letterhead version). */
public record TemplateFile(String fileName, byte[] content) {
}
