package org.protectioncases.imports;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.protectioncases.cases.CaseOutcome;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseType;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;

/**
 * The code values of cases and sessions files (case type, status, outcome, type of aid, topic,
 * mode) as staff write them: the labels in every UI language plus the usual other spellings,
 * compared folded ({@link ValueMaps} does the same for the people file's values).
 */
final class RecordValues {

    private static final Map<CaseType, List<String>> CASE_TYPES = Map.of(
            CaseType.ASYLUM, List.of("azil", "azili", "asylum procedure"),
            CaseType.RETURN_REINTEGRATION, List.of("return", "kthim", "riintegrim", "povratak", "reintegracija"),
            CaseType.CIVIL_DOCUMENTATION, List.of("civil documents", "documents", "dokumente", "dokumenta", "dokumentacija"),
            CaseType.STATELESSNESS, List.of("pashtetesia", "apatridija", "apatridnost", "bez drzavljanstva"),
            CaseType.IDP_DURABLE_SOLUTIONS, List.of("idp", "durable solutions", "pzhbv", "irl", "trajna resenja"),
            CaseType.GENERAL_PROTECTION, List.of("general", "protection", "mbrojtje", "zastita"));
    private static final Map<CaseStatus, List<String>> STATUSES = Map.of(
            CaseStatus.OPEN, List.of("open", "new", "i hapur", "otvoren", "otvoreno"),
            CaseStatus.IN_PROGRESS, List.of("ongoing", "active", "ne proces", "aktiv", "u toku", "u radu"),
            CaseStatus.WAITING_FOR_AUTHORITY, List.of("waiting", "pending", "ne pritje", "ceka", "na cekanju"),
            CaseStatus.CLOSED, List.of("closed", "i mbyllur", "zatvoren", "zatvoreno"));
    private static final Map<LegalAidType, List<String>> AID_TYPES = Map.of(
            LegalAidType.INFORMATION, List.of("info", "informacion", "informisanje", "informacija"),
            LegalAidType.COUNSELLING, List.of("counseling", "advice", "keshille", "savet", "savetovanje"),
            LegalAidType.ASSISTANCE, List.of("assistance", "ndihme", "pomoc", "asistencija"),
            LegalAidType.REPRESENTATION, List.of("representation", "perfaqesim", "zastupanje"),
            LegalAidType.ACCOMPANIMENT, List.of("accompaniment", "shoqerim", "pratnja"));
    private static final Map<SessionTopic, List<String>> TOPICS = Map.of(
            SessionTopic.CIVIL_DOCUMENTATION, List.of("documents", "civil registration", "dokumente", "regjistrim civil", "dokumenta",
                    "civilna registracija"),
            SessionTopic.ASYLUM, List.of("azil", "azili"),
            SessionTopic.PROPERTY_HOUSING, List.of("property", "housing", "prona", "strehim", "imovina", "stanovanje"),
            SessionTopic.SOCIAL_ASSISTANCE, List.of("social", "pension", "ndihme sociale", "pensione", "socijalna pomoc", "penzija"),
            SessionTopic.EDUCATION, List.of("education", "arsim", "obrazovanje"),
            SessionTopic.HEALTH, List.of("health", "shendet", "zdravlje"),
            SessionTopic.FAMILY_LAW, List.of("family", "familje", "porodicno pravo", "porodica"),
            SessionTopic.SGBV, List.of("sgbv", "gbv", "dhune me baze gjinore", "rodno zasnovano nasilje"),
            SessionTopic.OTHER, List.of("other", "tjeter", "drugo"));
    private static final Map<SessionMode, List<String>> MODES = Map.of(
            SessionMode.OFFICE, List.of("office", "in person", "zyre", "kancelarija", "licno"),
            SessionMode.OUTREACH, List.of("outreach", "mobile", "terren", "na terenu"),
            SessionMode.PHONE, List.of("phone", "telephone", "telefon", "telefonom"),
            SessionMode.ONLINE, List.of("online", "video"));

    private final Map<String, CaseType> caseTypes = ValueMaps.enumMap(CaseType.values(), CaseType::messageKey, CASE_TYPES);
    private final Map<String, CaseStatus> statuses = ValueMaps.enumMap(CaseStatus.values(), CaseStatus::messageKey, STATUSES);
    private final Map<String, CaseOutcome> outcomes = ValueMaps.enumMap(CaseOutcome.values(), CaseOutcome::messageKey, Map.of());
    private final Map<String, LegalAidType> aidTypes = ValueMaps.enumMap(LegalAidType.values(), LegalAidType::messageKey, AID_TYPES);
    private final Map<String, SessionTopic> topics = ValueMaps.enumMap(SessionTopic.values(), SessionTopic::messageKey, TOPICS);
    private final Map<String, SessionMode> modes = ValueMaps.enumMap(SessionMode.values(), SessionMode::messageKey, MODES);

    Optional<CaseType> caseType(String value) {
        return ValueMaps.find(caseTypes, value);
    }

    Optional<CaseStatus> status(String value) {
        return ValueMaps.find(statuses, value);
    }

    Optional<CaseOutcome> outcome(String value) {
        return ValueMaps.find(outcomes, value);
    }

    Optional<LegalAidType> aidType(String value) {
        return ValueMaps.find(aidTypes, value);
    }

    Optional<SessionTopic> topic(String value) {
        return ValueMaps.find(topics, value);
    }

    Optional<SessionMode> mode(String value) {
        return ValueMaps.find(modes, value);
    }
}
