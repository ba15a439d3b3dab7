package org.protectioncases.followups;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

    @Allowed(Permission.WORK_FOLLOW_UPS)
    public void markDone(FollowUpKind kind, long recordId) {
        FollowUpSource source = sources.get(kind);
        if (source == null) {
            throw new IllegalArgumentException("No follow-ups of kind " + kind);
        }
        source.markDone(recordId);
    }
}
