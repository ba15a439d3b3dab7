package org.protectioncases.imports;

import java.util.List;

/**
 * The columns a people file may have, with the header texts (English, Albanian, Serbian and common
 * variants, compared folded) that map to them automatically. Shown through {@code import.field.<NAME>}.
 */
public enum ImportField {
    GIVEN_NAME(true, "given name", "first name", "firstname", "forename", "name", "emri", "emri i pare", "ime"),
    FAMILY_NAME(true, "family name", "surname", "last name", "lastname", "mbiemri", "mbiemer", "prezime"),
    FATHER_NAME(false, "father name", "father s name", "fathers name", "emri i babait", "atesia", "ime oca", "ocevo ime"),
    OTHER_NAMES(false, "other names", "other spellings", "alias", "aliases", "emra te tjere", "emrat e tjere", "druga imena"),
    SEX(true, "sex", "gender", "gjinia", "pol", "spol"),
    BIRTH_DATE(false, "date of birth", "birth date", "birthdate", "dob", "born", "data e lindjes", "datelindja",
            "datum rodjenja", "datum rodenja", "rodjen", "rodjena"),
    PLACE_OF_BIRTH(false, "place of birth", "birthplace", "vendi i lindjes", "vendlindja", "mesto rodjenja", "mjesto rodjenja"),
    CITIZENSHIP_STATUS(false, "citizenship status", "statusi i shtetesise", "status drzavljanstva"),
    CITIZENSHIP_COUNTRY(false, "citizenship", "nationality", "citizenship country", "shtetesia", "drzavljanstvo"),
    COMMUNITY(true, "community", "ethnicity", "ethnic group", "komuniteti", "etnia", "etnicitet", "zajednica", "nacionalnost"),
    LANGUAGES(false, "languages", "language", "gjuhet", "gjuha", "jezici", "jezik"),
    PHONE(false, "phone", "telephone", "mobile", "phone number", "tel", "telefoni", "nr i telefonit", "telefon", "broj telefona"),
    ADDRESS(false, "address", "adresa", "adresa e banimit"),
    MUNICIPALITY(false, "municipality", "current municipality", "komuna", "opstina"),
    POPULATION_GROUP(false, "population group", "group", "category", "grupi", "grupi i popullsise", "kategoria", "grupa",
            "kategorija", "grupa stanovnistva"),
    GROUP_SINCE(false, "group since", "group start", "in group since", "since", "grupi nga", "nga data", "ne grup nga",
            "grupa od", "od datuma", "u grupi od"),
    DISPLACED_FROM(false, "displaced from", "displacement place", "zhvendosur nga", "vendi i zhvendosjes", "raseljen iz",
            "mesto raseljenja");

    private final boolean required;
    private final List<String> headers;

    ImportField(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    /** Whether the file must have a column for it (the registration form requires the field). */
    public boolean required() {
        return required;
    }

    /** Folded header texts that map to this field. */
    List<String> headers() {
        return headers;
    }

    public String messageKey() {
        return "import.field." + name();
    }
}
