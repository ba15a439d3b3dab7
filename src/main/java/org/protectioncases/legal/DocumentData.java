package org.protectioncases.legal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CaseType;
import org.protectioncases.shared.i18n.AppI18NProvider;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.i18n.Language;

/**
 * What a document is filled from, as read from the case, its person, parties and events, the
 * lawyer and the partner; {@link #values} writes it in the document's language (not the UI's).
 */
record DocumentData(Person person, CaseFacts caseFacts, String lawyerFullName, String partnerName, @Nullable String partnerAddress,
                    LocalDate today) {

    /** The birth date is kept as exact, month or year only; municipalities have a name per language. */
    record Person(String givenName, String familyName, @Nullable String fatherName, @Nullable LocalDate birthDate,
                  @Nullable String birthPrecision, @Nullable String birthPlace, @Nullable String address,
                  @Nullable Map<Language, String> municipality, String registrationNo) {
    }

    record CaseFacts(String number, CaseType type, LocalDate openedOn, @Nullable String authority, @Nullable String opposingParty,
                     @Nullable LocalDate hearingOn, @Nullable LocalTime hearingAt, @Nullable String hearingPlace,
                     @Nullable LocalDate deadlineOn, @Nullable DecisionType decisionType, @Nullable LocalDate decisionServedOn) {
    }

    /** Each placeholder's text in the language; null where the records hold nothing. */
    Map<Placeholder, @Nullable String> values(Language language) {
        var l = language.locale();
        Map<Placeholder, @Nullable String> v = new EnumMap<>(Placeholder.class);
        v.put(Placeholder.PERSON_GIVEN_NAME, person.givenName());
        v.put(Placeholder.PERSON_FAMILY_NAME, person.familyName());
        v.put(Placeholder.PERSON_FULL_NAME, person.givenName() + " " + person.familyName());
        v.put(Placeholder.PERSON_FATHER_NAME, blankToNull(person.fatherName()));
        v.put(Placeholder.PERSON_BIRTH_DATE, birthDate(person.birthDate(), person.birthPrecision()));
        v.put(Placeholder.PERSON_BIRTH_PLACE, blankToNull(person.birthPlace()));
        v.put(Placeholder.PERSON_PERSONAL_NUMBER, null);
        v.put(Placeholder.PERSON_ADDRESS, blankToNull(person.address()));
        v.put(Placeholder.PERSON_MUNICIPALITY, person.municipality() == null ? null : person.municipality().get(language));
        v.put(Placeholder.PERSON_REGISTRATION_NO, person.registrationNo());
        v.put(Placeholder.CASE_NUMBER, caseFacts.number());
        v.put(Placeholder.CASE_TYPE, AppI18NProvider.text(l, caseFacts.type().messageKey()));
        v.put(Placeholder.CASE_OPENED_ON, Formats.date(caseFacts.openedOn()));
        v.put(Placeholder.CASE_AUTHORITY, blankToNull(caseFacts.authority()));
        v.put(Placeholder.CASE_OPPOSING_PARTY, blankToNull(caseFacts.opposingParty()));
        v.put(Placeholder.CASE_NEXT_HEARING, caseFacts.hearingOn() == null ? null : String.join(", ", Stream.of(
                Formats.date(caseFacts.hearingOn()), caseFacts.hearingAt() == null ? null : caseFacts.hearingAt().toString(),
                caseFacts.hearingPlace()).filter(s -> s != null && !s.isBlank()).toList()));
        v.put(Placeholder.CASE_NEXT_DEADLINE, caseFacts.deadlineOn() == null ? null : Formats.date(caseFacts.deadlineOn()));
        v.put(Placeholder.CASE_LAST_DECISION, caseFacts.decisionType() == null || caseFacts.decisionServedOn() == null ? null
                : AppI18NProvider.text(l, "legal.document.decisionServed", AppI18NProvider.text(l, caseFacts.decisionType().messageKey()),
                Formats.date(caseFacts.decisionServedOn())));
        v.put(Placeholder.LAWYER_FULL_NAME, blankToNull(lawyerFullName));
        v.put(Placeholder.PARTNER_NAME, partnerName);
        v.put(Placeholder.PARTNER_ADDRESS, blankToNull(partnerAddress));
        v.put(Placeholder.TODAY, Formats.date(today));
        v.put(Placeholder.TODAY_LONG, longDate(today, language));
        return v;
    }

    /** "2 December 2026", "2 dhjetor 2026", "2. decembar 2026", "2. децембар 2026": how letters are dated in each language. */
    static String longDate(LocalDate date, Language language) {
        String month = Formats.monthName(language.locale(), date.getMonthValue());
        return date.getDayOfMonth() + (language.bundle() == Language.SR ? ". " : " ") + month + " " + date.getYear();
    }

    private static @Nullable String birthDate(@Nullable LocalDate date, @Nullable String precision) {
        if (date == null) {
            return null;
        }
        return switch (precision == null ? "EXACT" : precision) {
            case "YEAR" -> String.valueOf(date.getYear());
            case "MONTH" -> date.format(Formats.MONTH_DATE);
            default -> Formats.date(date);
        };
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
