package org.protectioncases.monitoring;

/** The age groups others met are counted in (UNHCR's usual breakdown); label key {@code ageGroup.<NAME>}. */
public enum AgeGroup {
    AGE_0_4, AGE_5_11, AGE_12_17, AGE_18_59, AGE_60_PLUS;

    public String messageKey() {
        return "ageGroup." + name();
    }
}
