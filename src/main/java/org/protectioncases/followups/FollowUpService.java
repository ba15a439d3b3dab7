package org.protectioncases.followups;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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

    /** At most this many follow-ups are asked of each source for a period (a calendar's month, not an export). */
    public static final int PERIOD_MAX = 1000;

    private static final Comparator<FollowUp> BY_DATE =
            Comparator.comparing(FollowUp::dueOn).thenComparing(FollowUp::kind).thenComparing(FollowUp::recordId);

    /**
     * The user's own open follow-ups of the given kinds due from {@code from} (null: overdue ones
     * too) to {@code until}, both included, oldest first, at most {@code limit} (and at most
     * {@link #PERIOD_MAX}): exactly those of "My follow-ups", for a calendar's period.
     */
    @Allowed(Permission.WORK_FOLLOW_UPS)
    public List<FollowUp> between(@Nullable LocalDate from, LocalDate until, Set<FollowUpKind> kinds, int limit) {
        int max = Math.min(Math.max(1, limit), PERIOD_MAX);
        // Sources list from the oldest open one; those before the period are dropped here, so ask for the most.
        int asked = from == null ? max : PERIOD_MAX;
        return sources.values().stream()
                .filter(s -> kinds.contains(s.kind()))
                .flatMap(s -> s.openFollowUps(until, asked).stream())
                .filter(f -> from == null || !f.dueOn().isBefore(from))
                .sorted(BY_DATE)
                .limit(max)
                .toList();
    }

    /**
     * For a coordinator: the open follow-ups of the given kinds of all the staff of the
     * coordinator's own partner, due from {@code from} (null: overdue ones too) to {@code until} (both included), each with
     * whose it is, oldest first, at most {@code limit} (and at most {@link #PERIOD_MAX}).
     */
    @Allowed(Permission.COORDINATE_CASES)
    public List<StaffFollowUp> partnerBetween(@Nullable LocalDate from, LocalDate until, Set<FollowUpKind> kinds, int limit) {
        int max = Math.min(Math.max(1, limit), PERIOD_MAX);
        return sources.values().stream()
                .filter(s -> kinds.contains(s.kind()))
                .flatMap(s -> s.partnerFollowUps(from, until, max).stream())
                .sorted(Comparator.comparing(StaffFollowUp::followUp, BY_DATE))
                .limit(max)
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
