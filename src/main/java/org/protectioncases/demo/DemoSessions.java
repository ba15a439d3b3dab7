package org.protectioncases.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.protectioncases.cases.CaseFilter;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.cases.CaseType;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionForm;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Counselling sessions on the signed-in demo lawyer's open cases: one to four each, between the
 * case's opening and today, with topics and texts that fit the case type; some follow-ups are
 * overdue, some due soon, so that "My follow-ups" has something to show.
 */
@Component
class DemoSessions {

    private static final List<String[]> TEXTS = List.of(
            new String[] {"Explained the late birth registration procedure and the documents needed.",
                    "Client will bring the hospital birth record", "Check the civil registry's answer"},
            new String[] {"Went through the asylum interview and the client's rights during the procedure.",
                    "Prepared the client for the interview", "Accompany the client to the interview"},
            new String[] {"Reviewed the property claim and the municipality's decision on reconstruction.",
                    "Appeal drafted", "File the appeal with the municipal office"},
            new String[] {"Explained the social assistance scheme and the pension transfer.",
                    "Application for social assistance completed", "Follow up with the Centre for Social Work"},
            new String[] {"Discussed the ID card application and the fee waiver for the family.",
                    "Fee waiver request prepared", "Submit the ID card applications"},
            new String[] {"Counselled on school enrolment for the children without documents.",
                    "Letter to the school prepared", "Call the school director"});

    private final CaseService cases;
    private final CounsellingService sessions;

    private final Clock clock;

    DemoSessions(CaseService cases, CounsellingService sessions, Clock clock) {
        this.clock = clock;
        this.cases = cases;
        this.sessions = sessions;
    }

    /** Logs sessions on the signed-in lawyer's open cases; returns how many. */
    int log(long seed) {
        Random random = new Random(seed);
        List<CaseSummary> mine = cases.list(new CaseFilter(true, null, null, null, false, null), PageRequest.of(0, 500));
        int count = 0;
        LocalDate today = LocalDate.now(clock);
        for (CaseSummary c : mine) {
            if (c.status() == CaseStatus.CLOSED || random.nextInt(10) < 2) {
                continue;
            }
            int n = 1 + random.nextInt(4);
            long span = Math.max(1, ChronoUnit.DAYS.between(c.openedOn(), today));
            for (int i = 0; i < n; i++) {
                LocalDate day = c.openedOn().plusDays(Math.min(span, (span * (i + 1)) / (n + 1) + random.nextInt(3)));
                LocalDateTime at = day.atTime(9 + random.nextInt(7), random.nextBoolean() ? 0 : 30);
                if (at.isAfter(LocalDateTime.now(clock))) {
                    at = LocalDateTime.now(clock).minusHours(1).withSecond(0).withNano(0);
                }
                String[] text = TEXTS.get(textFor(c.type(), random));
                boolean last = i == n - 1;
                // The latest session of a case promises a follow-up: some overdue, most in the coming weeks.
                LocalDate followUp = last ? at.toLocalDate().plusDays(7 + random.nextInt(40)) : null;
                if (followUp != null && followUp.isBefore(at.toLocalDate())) {
                    followUp = at.toLocalDate();
                }
                boolean interpreter = random.nextInt(5) == 0;
                sessions.log(c.id(), new SessionForm(at, 20 + 10 * random.nextInt(7), SessionMode.values()[random.nextInt(4)],
                        aidFor(random), topicsFor(c.type(), random), Set.of(c.personId()), interpreter,
                        interpreter ? "Romani" : null, text[0], text[1], text[2], followUp, null));
                count++;
            }
        }
        return count;
    }

    private static int textFor(CaseType type, Random random) {
        return switch (type) {
            case CIVIL_DOCUMENTATION, STATELESSNESS -> random.nextBoolean() ? 0 : 4;
            case ASYLUM -> 1;
            case RETURN_REINTEGRATION, IDP_DURABLE_SOLUTIONS -> random.nextBoolean() ? 2 : 3;
            case GENERAL_PROTECTION -> random.nextBoolean() ? 3 : 5;
        };
    }

    private static LegalAidType aidFor(Random random) {
        int r = random.nextInt(10);
        return r < 2 ? LegalAidType.INFORMATION : r < 6 ? LegalAidType.COUNSELLING : r < 8 ? LegalAidType.ASSISTANCE
                : r < 9 ? LegalAidType.REPRESENTATION : LegalAidType.ACCOMPANIMENT;
    }

    private static Set<SessionTopic> topicsFor(CaseType type, Random random) {
        EnumSet<SessionTopic> topics = EnumSet.of(switch (type) {
            case CIVIL_DOCUMENTATION, STATELESSNESS -> SessionTopic.CIVIL_DOCUMENTATION;
            case ASYLUM -> SessionTopic.ASYLUM;
            case RETURN_REINTEGRATION, IDP_DURABLE_SOLUTIONS -> SessionTopic.PROPERTY_HOUSING;
            case GENERAL_PROTECTION -> SessionTopic.SOCIAL_ASSISTANCE;
        });
        if (random.nextInt(3) == 0) {
            topics.add(SessionTopic.values()[random.nextInt(SessionTopic.values().length)]);
        }
        return topics;
    }
}
