package org.protectioncases.legal;

import java.util.Locale;

/**
 * The documents a lawyer can assemble from a case. Each has a built-in template per language under
 * {@code legal/templates/<file name>.<language>.docx}, which a coordinator may replace for the partner.
 */
public enum DocumentKind {
    /** Autorizim / ovlašćenje: the client authorises the partner's lawyer. */
    POWER_OF_ATTORNEY,
    /** Request to the civil registry for the late (subsequent) registration of a birth. */
    LATE_BIRTH_REGISTRATION,
    /** Request for a personal document (identity card) to the civil registration office. */
    ID_CARD_REQUEST,
    /** Appeal against a decision served on the client. */
    APPEAL,
    /** Cover letter sending documents to an institution. */
    COVER_LETTER;

    public String messageKey() {
        return "legal.document.kind." + name();
    }

    /** The built-in template's base name, e.g. {@code power-of-attorney}. */
    public String fileBase() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
