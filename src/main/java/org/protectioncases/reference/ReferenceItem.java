package org.protectioncases.reference;

/** A reference-data entry (municipality, country) with its name in the requested language. */
public record ReferenceItem(String code, String name) {
}
