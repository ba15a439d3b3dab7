package org.protectioncases.imports;

import java.util.List;

/**
 * The columns a file of each {@link ImportKind} may have, with the header texts (English, Albanian, Serbian and common
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
            "mesto raseljenja"),

    // Cases: linked to a person already registered, by registration number.
    CASE_PERSON(ImportKind.CASES, true, "registration number", "registration no", "reg no", "person", "client", "numri i regjistrimit",
            "nr i regjistrimit", "nr regjistrimi", "klienti", "personi", "registarski broj", "broj registracije", "klijent", "lice"),
    CASE_TYPE(ImportKind.CASES, true, "case type", "type", "lloji i rastit", "lloji", "tipi", "vrsta predmeta", "tip predmeta", "tip",
            "vrsta"),
    CASE_STATUS(ImportKind.CASES, false, "status", "case status", "statusi", "statusi i rastit", "status predmeta"),
    CASE_OPENED_ON(ImportKind.CASES, true, "opened", "opened on", "date opened", "opening date", "hapur", "hapur me", "data e hapjes",
            "otvoren", "otvoreno", "datum otvaranja"),
    CASE_CLOSED_ON(ImportKind.CASES, false, "closed", "closed on", "date closed", "closing date", "mbyllur", "mbyllur me",
            "data e mbylljes", "zatvoren", "zatvoreno", "datum zatvaranja"),
    CASE_OUTCOME(ImportKind.CASES, false, "outcome", "result", "rezultati", "perfundimi", "ishod", "rezultat"),
    CASE_SUMMARY(ImportKind.CASES, false, "summary", "description", "notes", "permbledhja", "permbledhje", "pershkrimi", "shenime",
            "rezime", "opis", "sazetak", "napomene"),
    CASE_CASEWORKER(ImportKind.CASES, false, "caseworker", "case worker", "lawyer", "assigned to", "punonjesi i rastit", "avokati",
            "juristi", "caktuar", "pravnik", "advokat", "zaduzen", "zaduzeni", "dodeljeno"),

    // Counselling sessions: on a case of the partner, by case number.
    SESSION_CASE(ImportKind.SESSIONS, true, "case number", "case no", "case", "numri i rastit", "nr i rastit", "rasti", "broj predmeta",
            "predmet"),
    SESSION_DATE(ImportKind.SESSIONS, true, "date", "session date", "held on", "data", "data e seances", "data e takimit", "datum",
            "datum sesije", "datum savetovanja"),
    SESSION_AID_TYPE(ImportKind.SESSIONS, true, "type of legal aid", "legal aid", "aid type", "type", "lloji i ndihmes juridike",
            "ndihma juridike", "lloji i ndihmes", "lloji", "vrsta pravne pomoci", "pravna pomoc", "vrsta pomoci", "vrsta"),
    SESSION_TOPICS(ImportKind.SESSIONS, true, "topics", "topic", "temat", "tema", "teme"),
    SESSION_SUMMARY(ImportKind.SESSIONS, false, "summary", "notes", "description", "permbledhja", "permbledhje", "shenime", "rezime",
            "opis", "sazetak", "napomene"),
    SESSION_COUNSELLOR(ImportKind.SESSIONS, false, "counsellor", "counselor", "lawyer", "keshilltari", "keshilltar", "avokati", "juristi",
            "savetnik", "savjetnik", "pravnik", "advokat"),
    SESSION_DURATION(ImportKind.SESSIONS, false, "duration", "minutes", "duration minutes", "kohezgjatja", "minuta", "trajanje",
            "minuti", "trajanje minuti"),
    SESSION_MODE(ImportKind.SESSIONS, false, "mode", "how", "menyra", "forma", "nacin", "oblik");

    private final ImportKind kind;
    private final boolean required;
    private final List<String> headers;

    ImportField(boolean required, String... headers) {
        this(ImportKind.PEOPLE, required, headers);
    }

    ImportField(ImportKind kind, boolean required, String... headers) {
        this.kind = kind;
        this.required = required;
        this.headers = List.of(headers);
    }

    /** The kind of file the column belongs to. */
    public ImportKind kind() {
        return kind;
    }

    /** Whether the file must have a column for it (the form requires the field, with no default). */
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
