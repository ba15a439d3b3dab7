package org.protectioncases.legal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fixed set of placeholders a template may use, written {@code {{person.fullName}}} in the
 * document. Anything else between double braces is refused when a template is uploaded.
 */
public enum Placeholder {
    PERSON_GIVEN_NAME("person.givenName"),
    PERSON_FAMILY_NAME("person.familyName"),
    PERSON_FULL_NAME("person.fullName"),
    PERSON_FATHER_NAME("person.fatherName"),
    PERSON_BIRTH_DATE("person.birthDate"),
    PERSON_BIRTH_PLACE("person.birthPlace"),
    /** Not kept in the person's record: the lawyer types it when generating. */
    PERSON_PERSONAL_NUMBER("person.personalNumber"),
    PERSON_ADDRESS("person.address"),
    PERSON_MUNICIPALITY("person.municipality"),
    PERSON_REGISTRATION_NO("person.registrationNo"),
    CASE_NUMBER("case.number"),
    CASE_TYPE("case.type"),
    CASE_OPENED_ON("case.openedOn"),
    CASE_AUTHORITY("case.authority"),
    CASE_OPPOSING_PARTY("case.opposingParty"),
    CASE_NEXT_HEARING("case.nextHearing"),
    CASE_NEXT_DEADLINE("case.nextDeadline"),
    CASE_LAST_DECISION("case.lastDecision"),
    LAWYER_FULL_NAME("lawyer.fullName"),
    PARTNER_NAME("partner.name"),
    PARTNER_ADDRESS("partner.address"),
    TODAY("today"),
    TODAY_LONG("todayLong");

    private final String token;

    Placeholder(String token) {
        this.token = token;
    }

    /** The name between the braces, e.g. {@code person.fullName}. */
    public String token() {
        return token;
    }

    /** How it is written in a template. */
    public String written() {
        return "{{" + token + "}}";
    }

    public String messageKey() {
        return "legal.placeholder." + token;
    }

    public static Optional<Placeholder> of(String token) {
        return Arrays.stream(values()).filter(p -> p.token.equals(token)).findFirst();
    }
}
