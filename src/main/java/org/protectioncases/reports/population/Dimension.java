package org.protectioncases.reports.population;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.monitoring.AgeGroup;
import org.protectioncases.people.Sex;

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

    /** This dimension's values in display order: age groups and sexes all, in their order; others as found, sorted; "not recorded" last. */
    public List<@Nullable String> keys(List<@Nullable String> found) {
        List<@Nullable String> keys = new ArrayList<>();
        switch (this) {
            case AGE_GROUP -> Arrays.stream(AgeGroup.values()).map(Enum::name).forEach(keys::add);
            case SEX -> Arrays.stream(Sex.values()).map(Enum::name).forEach(keys::add);
            default -> {
            }
        }
        found.stream().filter(k -> k != null && !keys.contains(k)).distinct().sorted().forEach(keys::add);
        if (found.contains(null)) {
            keys.add(null);
        }
        return keys;
    }
}
