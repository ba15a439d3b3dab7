package org.protectioncases.shared.validation;

/**
 * Limits shared by several modules and the message keys of text violations. Limits that belong
 * to one column live as constants on the record that carries the field, so the record's
 * {@code @Size} and the form's {@code setMaxLength} read the same number.
 */
public final class TextRules {

    /** Message key (argument: the limit) of text longer than its field allows. */
    public static final String TOO_LONG = "validation.maxLength";
    /** Message key of a list (people met, attendees) longer than its limit. */
    public static final String TOO_MANY = "validation.tooMany";
    /** Message key of text that holds a control character. */
    public static final String CONTROL_CHARACTERS = "validation.controlCharacters";

    /** user_account.username and every column that stores one (assigned_to, counsellor, ...). */
    public static final int USERNAME = 64;
    /** person.registration_no (KOS-2026-000123). */
    public static final int REGISTRATION_NO = 20;
    /** municipality.code. */
    public static final int MUNICIPALITY_CODE = 8;
    /** country.code (ISO 3166 alpha-2). */
    public static final int COUNTRY_CODE = 2;
    /**
     * One name (given or family): person.given_name / family_name are varchar(100). Also the most
     * the duplicate check compares per name part, since trigram matching costs grow with length.
     */
    public static final int NAME = 100;
    /** The people list's fuzzy name box: a given and a family name with a space between. */
    public static final int NAME_SEARCH = 2 * NAME + 1;
    /** A free-text filter box (partners, users), longer than anything it can match. */
    public static final int FILTER = 200;
    /**
     * Text keys of the app's own vocabularies (attachment owner kinds, case type field keys).
     * The columns holding them are varchar(16)/(64).
     */
    public static final int KEY = 64;
    /** Passwords (the password policy says so in its own words too). */
    public static final int PASSWORD = 128;

    private TextRules() {
    }

    /**
     * Index of the first control character (Unicode category Cc: C0, DEL, C1), or -1. With
     * {@code multiLine}, tab, line feed and carriage return are allowed.
     */
    public static int firstControlCharacter(CharSequence value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.getType(c) == Character.CONTROL && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return i;
            }
        }
        return -1;
    }
}
