package org.protectioncases.cases;

import java.util.List;

/**
 * A field that only some case types have. Labels come from {@code caseField.<key>}, choices from
 * {@code caseField.<key>.<OPTION>}.
 */
public record CaseField(String key, Kind kind, List<String> options) {

    public enum Kind { DATE, TEXT, CHOICE, YES_NO }

    static CaseField date(String key) {
        return new CaseField(key, Kind.DATE, List.of());
    }

    static CaseField text(String key) {
        return new CaseField(key, Kind.TEXT, List.of());
    }

    static CaseField yesNo(String key) {
        return new CaseField(key, Kind.YES_NO, List.of());
    }

    static CaseField choice(String key, String... options) {
        return new CaseField(key, Kind.CHOICE, List.of(options));
    }

    public String messageKey() {
        return "caseField." + key;
    }

    public String optionKey(String option) {
        return "caseField." + key + "." + option;
    }
}
