package org.protectioncases.legal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;

/**
 * One entry of the legal calendar: an open hearing or deadline of a case, or an open follow-up
 * (a case's next action, a counselling session's or a visit's follow-up) as "My follow-ups" shows it.
 *
 * @param category  hearing, deadline or follow-up (how the calendar marks it)
 * @param kindKey   the message key naming its kind ({@code legal.eventKind.HEARING}, {@code followups.kind.CASE})
 * @param id        the event's or the follow-up's record id
 * @param time      a hearing's time; null for all-day entries
 * @param label     the case number (events) or the follow-up's title (case number and person, or the visit's place)
 * @param detail    the event's title or the follow-up's next steps; may be empty
 * @param place     a hearing's court and room, or null
 * @param route     the record's page, e.g. {@code cases/12} or {@code sessions/5}
 * @param staff     whose it is (the case's lawyer, the session's counsellor); null for the user's own follow-ups
 */
public record CalendarEntry(Category category, String kindKey, long id, LocalDate date, @Nullable LocalTime time, String label,
                            String detail, @Nullable String place, String route, @Nullable String staff) {

    /** How an entry is marked in the calendar (icon, text, class). */
    public enum Category {
        HEARING, DEADLINE, FOLLOW_UP
    }

    static CalendarEntry of(CaseEventDto e) {
        String place = e.place() == null && e.room() == null ? null
                : String.join(", ", Stream.of(e.place(), e.room()).filter(Objects::nonNull).toList());
        return new CalendarEntry(e.kind() == EventKind.DEADLINE ? Category.DEADLINE : Category.HEARING, e.kind().messageKey(), e.id(),
                e.date(), e.time(), e.caseNo(), e.title(), place, "cases/" + e.caseId(), e.assignedTo());
    }

    static CalendarEntry of(FollowUp f, @Nullable String staff) {
        return new CalendarEntry(Category.FOLLOW_UP, "followups.kind." + f.kind().name(), f.recordId(), f.dueOn(), null, f.title(),
                f.detail(), null, f.route(), staff);
    }

    public boolean followUp() {
        return category == Category.FOLLOW_UP;
    }

    /** The follow-up kinds the calendar adds to its hearings and deadlines (which it has as events already). */
    static final Set<FollowUpKind> FOLLOW_UP_KINDS = EnumSet.of(FollowUpKind.CASE, FollowUpKind.SESSION, FollowUpKind.VISIT);
}
