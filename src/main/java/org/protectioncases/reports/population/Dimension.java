package org.protectioncases.reports.population;

/**
 * What a population figure is broken down by: rows and columns of a cross table ({@link CrossTable}),
 * or the rows of a table by sex ({@link Disaggregation}). Community and municipality are the
 * person's current record (not dated); partner is the partner that registered the person.
 */
public enum Dimension {
    AGE_GROUP, COMMUNITY, MUNICIPALITY, PARTNER, SEX;

    public String messageKey() {
        return "dimension." + name();
    }
}
