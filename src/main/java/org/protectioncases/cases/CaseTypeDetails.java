package org.protectioncases.cases;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.SingleLine;

/**
 * The fields only some case types have (the asylum procedure, statelessness determination,
 * return, IDP solutions), one record per type, kept as {@code jsonb} in
 * {@code protection_case.type_details} with the record's name in {@code "type"}. A record's
 * components are its fields in the order the form shows them: the label is the bundle key
 * {@code caseField.<component>}, a choice's option {@link Choice#messageKey()}. Every component
 * is optional (null = not known yet); text is stripped and blank text is null.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = CaseTypeDetails.None.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = CaseTypeDetails.Asylum.class, name = "ASYLUM"),
        @JsonSubTypes.Type(value = CaseTypeDetails.Statelessness.class, name = "STATELESSNESS"),
        @JsonSubTypes.Type(value = CaseTypeDetails.ReturnReintegration.class, name = "RETURN_REINTEGRATION"),
        @JsonSubTypes.Type(value = CaseTypeDetails.IdpDurableSolutions.class, name = "IDP_DURABLE_SOLUTIONS"),
        @JsonSubTypes.Type(value = CaseTypeDetails.None.class, name = "NONE")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface CaseTypeDetails {

    /** A text field's limit (the JSON has no column size; a sentence or two, not a document). */
    int TEXT_MAX = 1000;

    /** The details of a case of this type before anything is entered. */
    static CaseTypeDetails empty(CaseType type) {
        return switch (type) {
            case ASYLUM -> new Asylum(null, null, null, null, null);
            case STATELESSNESS -> new Statelessness(null, null, null);
            case RETURN_REINTEGRATION -> new ReturnReintegration(null, null, null);
            case IDP_DURABLE_SOLUTIONS -> new IdpDurableSolutions(null, null);
            case CIVIL_DOCUMENTATION, GENERAL_PROTECTION -> new None();
        };
    }

    /** Whether these are details of a case of that type. */
    default boolean fits(CaseType type) {
        return empty(type).getClass() == getClass();
    }

    /** The dates among the fields, by field name (none may be in the future); absent when not entered. */
    @JsonIgnore
    Map<String, LocalDate> dates();

    /** A field whose value is one of a list; shown through its message key {@code caseField.<field>.<NAME>}. */
    interface Choice {
        String messageKey();
    }

    enum ProcedureStage implements Choice {
        REGISTRATION, INTERVIEW, FIRST_INSTANCE, APPEAL, FINAL;

        @Override
        public String messageKey() {
            return "caseField.procedureStage." + name();
        }
    }

    enum AsylumDecision implements Choice {
        PENDING, REFUGEE_STATUS, SUBSIDIARY_PROTECTION, REJECTED, DISCONTINUED;

        @Override
        public String messageKey() {
            return "caseField.decision." + name();
        }
    }

    enum DeterminationOutcome implements Choice {
        PENDING, NATIONALITY_CONFIRMED, STATELESS, UNDETERMINED;

        @Override
        public String messageKey() {
            return "caseField.determinationOutcome." + name();
        }
    }

    enum ReturnAssistance implements Choice {
        NONE, TRANSPORT, RECONSTRUCTION, REINTEGRATION_PACKAGE, LEGAL;

        @Override
        public String messageKey() {
            return "caseField.assistance." + name();
        }
    }

    enum DurableSolution implements Choice {
        RETURN, LOCAL_INTEGRATION, RELOCATION;

        @Override
        public String messageKey() {
            return "caseField.solutionSought." + name();
        }
    }

    /** The asylum procedure. */
    record Asylum(@Nullable LocalDate applicationDate, @Nullable ProcedureStage procedureStage, @Nullable AsylumDecision decision,
                  @Nullable LocalDate decisionDate, @Nullable Boolean appealLodged) implements CaseTypeDetails {
        @Override
        public Map<String, LocalDate> dates() {
            return datesOf("applicationDate", applicationDate, "decisionDate", decisionDate);
        }
    }

    /** The statelessness determination. */
    record Statelessness(@Size(max = TEXT_MAX) @SingleLine @Nullable String nationalityClaim,
                         @Size(max = TEXT_MAX) @SingleLine @Nullable String evidence,
                         @Nullable DeterminationOutcome determinationOutcome) implements CaseTypeDetails {
        public Statelessness {
            nationalityClaim = clean(nationalityClaim);
            evidence = clean(evidence);
        }

        @Override
        public Map<String, LocalDate> dates() {
            return Map.of();
        }
    }

    /** The return and what helped the person reintegrate. */
    record ReturnReintegration(@Size(max = TEXT_MAX) @SingleLine @Nullable String placeOfOrigin, @Nullable LocalDate returnDate,
                               @Nullable ReturnAssistance assistance) implements CaseTypeDetails {
        public ReturnReintegration {
            placeOfOrigin = clean(placeOfOrigin);
        }

        @Override
        public Map<String, LocalDate> dates() {
            return datesOf("returnDate", returnDate);
        }
    }

    /** An internally displaced person's search for a durable solution. */
    record IdpDurableSolutions(@Size(max = TEXT_MAX) @SingleLine @Nullable String currentShelter,
                               @Nullable DurableSolution solutionSought) implements CaseTypeDetails {
        public IdpDurableSolutions {
            currentShelter = clean(currentShelter);
        }

        @Override
        public Map<String, LocalDate> dates() {
            return Map.of();
        }
    }

    /**
     * Case types without fields of their own (civil documentation has columns instead, since reports
     * count documents obtained). Also what {@code '{}'} reads as: the anonymisation and the
     * retention clear the details with it, and {@link ProtectionCase} then shows its type's empty record.
     */
    record None() implements CaseTypeDetails {
        @Override
        public Map<String, LocalDate> dates() {
            return Map.of();
        }
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Map<String, LocalDate> datesOf(String name, @Nullable LocalDate date) {
        return date == null ? Map.of() : Map.of(name, date);
    }

    private static Map<String, LocalDate> datesOf(String name1, @Nullable LocalDate date1, String name2, @Nullable LocalDate date2) {
        Map<String, LocalDate> dates = new LinkedHashMap<>(datesOf(name1, date1));
        dates.putAll(datesOf(name2, date2));
        return dates;
    }
}
