package org.protectioncases.followups;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.springframework.stereotype.Service;

/** "My follow-ups": the user's own open follow-ups from every module, by date. */
@Service
public class FollowUpService {

    private final Map<FollowUpKind, FollowUpSource> sources;

    FollowUpService(List<FollowUpSource> sources) {
        this.sources = sources.stream().collect(Collectors.toMap(FollowUpSource::kind, Function.identity()));
    }

    /** Overdue and upcoming follow-ups due on or before {@code until}, oldest first. */
    @Allowed(Permission.WORK_FOLLOW_UPS)
    public List<FollowUp> mine(LocalDate until, int limit) {
        return sources.values().stream()
                .flatMap(s -> s.openFollowUps(until, limit).stream())
                .sorted(Comparator.comparing(FollowUp::dueOn).thenComparing(FollowUp::kind).thenComparing(FollowUp::recordId))
                .limit(limit)
                .toList();
    }

    /**
     * The coordinator's team: overdue follow-ups per staff member (username) and kind, most overdue
     * first; staff with nothing overdue are not listed.
     */
    @Allowed(Permission.COORDINATE_CASES)
    public List<TeamOverdue> teamOverdue(LocalDate today) {
        Map<String, Map<FollowUpKind, Long>> byStaff = new TreeMap<>();
        sources.forEach((kind, source) -> source.overdueByStaff(today).forEach((username, n) -> {
            if (n > 0) {
                byStaff.computeIfAbsent(username, u -> new EnumMap<>(FollowUpKind.class)).merge(kind, n, Long::sum);
            }
        }));
        return byStaff.entrySet().stream().map(e -> new TeamOverdue(e.getKey(), Map.copyOf(e.getValue())))
                .sorted(Comparator.comparingLong(TeamOverdue::total).reversed().thenComparing(TeamOverdue::username))
                .toList();
    }

    @Allowed(Permission.WORK_FOLLOW_UPS)
    public void markDone(FollowUpKind kind, long recordId) {
        FollowUpSource source = sources.get(kind);
        if (source == null) {
            throw new IllegalArgumentException("No follow-ups of kind " + kind);
        }
        source.markDone(recordId);
    }
}
