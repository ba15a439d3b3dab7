package org.protectioncases.reports.activity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.reports.ReportPeriod;

/**
 * Every activity table a user may see for a period, in reading order.
 *
 * @param partnerCode the partner the counts are limited to, null for all partners
 * @param username    the member of staff whose own activity is counted, null for a whole partner
 */
public record ActivityReport(ReportPeriod period, @Nullable String partnerCode, @Nullable String username,
                             Set<ActivitySection> sections, List<ActivityTable> tables) {

    public ActivityReport {
        sections = Set.copyOf(sections);
        tables = List.copyOf(tables);
    }

    public Optional<ActivityTable> table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst();
    }
}
