package org.protectioncases.monitoring;

import java.util.List;

/**
 * People met on a visit who are not registered (or not linked), counted by sex and age group.
 * Field errors use the key {@code othersMet.<component>}, e.g. {@code othersMet.female0to4}.
 */
public record OthersMet(int female0to4, int female5to11, int female12to17, int female18to59, int female60plus,
                        int male0to4, int male5to11, int male12to17, int male18to59, int male60plus) {

    public static final OthersMet NONE = new OthersMet(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Female counts first, then male, each in {@link AgeGroup} order (the order of the components). */
    public static OthersMet of(List<Integer> counts) {
        if (counts.size() != 10) {
            throw new IllegalArgumentException("10 counts expected, got " + counts.size());
        }
        return new OthersMet(counts.get(0), counts.get(1), counts.get(2), counts.get(3), counts.get(4),
                counts.get(5), counts.get(6), counts.get(7), counts.get(8), counts.get(9));
    }

    public List<Integer> asList() {
        return List.of(female0to4, female5to11, female12to17, female18to59, female60plus,
                male0to4, male5to11, male12to17, male18to59, male60plus);
    }

    public int count(boolean female, AgeGroup group) {
        return asList().get((female ? 0 : 5) + group.ordinal());
    }

    /** The field-error key of one cell, e.g. {@code othersMet.male60plus}. */
    public static String fieldKey(boolean female, AgeGroup group) {
        return "othersMet." + OthersMet.class.getRecordComponents()[(female ? 0 : 5) + group.ordinal()].getName();
    }

    public int total() {
        return asList().stream().mapToInt(Integer::intValue).sum();
    }
}
