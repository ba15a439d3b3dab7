package org.protectioncases.legal;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.protectioncases.followups.FollowUp;

/**
 * Writes hearings, deadlines and follow-ups as an iCalendar (RFC 5545) document with ical4j. An
 * event names only what it is and the case number: no client names, no titles typed by staff
 * (they may name people), no places. Deadlines and follow-ups are all-day events; hearings start at
 * their time in Kosovo's zone and last an hour (no end time is recorded).
 */
final class IcsWriter {

    /** Hearing times are typed in Kosovo's local time. */
    static final ZoneId KOSOVO = ZoneId.of("Europe/Belgrade");

    private IcsWriter() {
    }

    static String write(List<CaseEventDto> events, List<FollowUp> followUps, Function<String, String> translate) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Protection Cases//Legal calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (CaseEventDto e : events) {
            String summary = translate.apply(e.kind().messageKey()) + " " + e.caseNo();
            VEvent event = e.kind() == EventKind.HEARING && e.time() != null
                    ? new VEvent(e.date().atTime(e.time()).atZone(KOSOVO).toInstant(), Duration.ofHours(1), summary)
                    : new VEvent(e.date(), summary);
            event.add(new Uid(e.kind().name().toLowerCase() + "-" + e.id() + "@protection-cases"));
            calendar.add(event);
        }
        for (FollowUp f : followUps) {
            if (f.kind().name().equals("HEARING") || f.kind().name().equals("DEADLINE")) {
                continue; // already there as events
            }
            VEvent event = new VEvent(f.dueOn(), translate.apply("followups.kind." + f.kind().name()) + " · " + f.route());
            event.add(new Uid("followup-" + f.kind().name().toLowerCase() + "-" + f.recordId() + "@protection-cases"));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static LocalDate from(LocalDate today) {
        return today.minusDays(30);
    }
}
