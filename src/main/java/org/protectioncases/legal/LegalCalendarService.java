package org.protectioncases.legal;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.followups.FollowUpService;
import org.protectioncases.security.AppUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal calendar (agenda, week, month): open hearings and deadlines together with open
 * follow-ups. Follow-ups are asked of the followups module's public service, which gathers them
 * from every module through its {@code FollowUpSource} SPI (legal already depends on followups;
 * followups depends on nothing but shared): legal never reads the cases', sessions' or visits'
 * tables for them, so each is chosen exactly as in "My follow-ups" and scoped by its own module.
 */
@Service
public class LegalCalendarService {

    /** At most this many entries are shown for a period (a month's work, not an export). */
    public static final int MAX = 1000;

    private static final Comparator<CalendarEntry> ORDER = Comparator.comparing(CalendarEntry::date)
            .thenComparing(CalendarEntry::time, Comparator.nullsFirst(Comparator.<LocalTime>naturalOrder()))
            .thenComparing(CalendarEntry::category).thenComparing(CalendarEntry::label).thenComparingLong(CalendarEntry::id);

    private final CaseEventRepository events;
    private final FollowUpService followUps;
    private final LegalAccess access;

    LegalCalendarService(CaseEventRepository events, FollowUpService followUps, LegalAccess access) {
        this.events = events;
        this.followUps = followUps;
        this.access = access;
    }

    /**
     * Entries due from {@code from} (null: overdue ones too) to {@code until}, both included, in date
     * and time order (all-day entries first), entries {@code offset} to {@code offset + limit} of at
     * most {@link #MAX}. The user's own (hearings and deadlines of cases assigned to them, their own
     * follow-ups); for a coordinator with {@code wholePartner}, the whole partner's, each with whose
     * it is, optionally of one {@code lawyer} only (a username; ignored for the user's own).
     */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional(readOnly = true)
    public List<CalendarEntry> entries(boolean wholePartner, @Size(max = TextRules.USERNAME) @SingleLine @Nullable String lawyer,
                                       @Nullable LocalDate from, LocalDate until, int offset, int limit) {
        AppUser user = access.user();
        boolean partner = wholePartner && user.role() == Role.PARTNER_COORDINATOR;
        String assignee = partner ? blankToNull(lawyer) : user.getUsername();
        // The page wanted can be anywhere in the merged order: take the first offset + limit of each, then skip.
        int wanted = (int) Math.min((long) Math.max(0, offset) + Math.max(1, limit), MAX);
        List<CalendarEntry> all = new ArrayList<>();
        for (int page = 0; page < wanted; page += 200) {
            List<CaseEventDto> chunk = events.upcoming(access.partner(), assignee, from, until, page, Math.min(200, wanted - page));
            chunk.forEach(e -> all.add(CalendarEntry.of(e)));
            if (chunk.size() < Math.min(200, wanted - page)) {
                break;
            }
        }
        if (partner) {
            // One lawyer's are picked from the partner's: ask for the most, so others' do not crowd them out.
            followUps.partnerBetween(from, until, CalendarEntry.FOLLOW_UP_KINDS, assignee == null ? wanted : FollowUpService.PERIOD_MAX).stream()
                    .filter(f -> assignee == null || assignee.equals(f.staff()))
                    .forEach(f -> all.add(CalendarEntry.of(f.followUp(), f.staff())));
        } else {
            followUps.between(from, until, CalendarEntry.FOLLOW_UP_KINDS, wanted).forEach(f -> all.add(CalendarEntry.of(f, null)));
        }
        return all.stream().sorted(ORDER).skip(Math.max(0, offset)).limit(Math.max(1, limit)).toList();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
