package org.protectioncases.dataprotection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AccessLogEntry;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.cases.ReferralDto;
import org.protectioncases.cases.StatusChangeDto;
import org.protectioncases.cases.TransferDto;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.people.ConsentDto;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFile;

/**
 * A person's complete record for a subject-access request (issue #16), as the JSON export carries it
 * and the PDF prints it. Left out, as {@link #RULE_KEY} states on the document: other people's data
 * (session attendees, case members) and partner-internal confidential notes of cases and sessions.
 */
public record SubjectAccessRecord(Instant generatedAt, String generatedBy, String language, String rule, PersonDetails person,
                                  PersonFile file, List<ConsentDto> consents, List<CaseRecord> cases, List<AccessLogEntry> accessLog) {

    /** The message key of the rule printed on the document. */
    public static final String RULE_KEY = "subjectaccess.rule";

    /** A case of the person, with its timeline, referrals, transfers and sessions. */
    public record CaseRecord(CaseSummary summary, @Nullable String caseSummary, @Nullable String authority, List<StatusChangeDto> timeline,
                             List<ReferralDto> referrals, List<TransferDto> transfers, List<SessionRecord> sessions) {
    }

    /** A counselling session without its attendees (other people) and without its confidential note. */
    public record SessionRecord(@Nullable LocalDateTime heldAt, @Nullable Integer durationMinutes, @Nullable SessionMode mode,
                                @Nullable LegalAidType aidType, List<SessionTopic> topics, String counsellor, @Nullable String summary,
                                @Nullable String outcome, @Nullable String nextSteps, @Nullable LocalDate followUpOn) {
    }
}
