package org.protectioncases.reports;

/**
 * What a population figure is broken down by (always also by sex). Community and municipality are
 * the person's current record (not dated); partner is the partner that registered the person.
 */
public enum Dimension {
    AGE_GROUP, COMMUNITY, MUNICIPALITY, PARTNER;

    public String messageKey() {
        return "dimension." + name();
    }
}
