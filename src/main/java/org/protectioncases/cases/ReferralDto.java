package org.protectioncases.cases;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A referral to an institution or organisation, made from a case or during a monitoring visit.
 *
 * @param caseId   the case it was made from; null for a visit referral
 * @param visitId  the monitoring visit it was made during; null for a case referral
 * @param personId the person referred (a case referral: the case's principal person)
 */
public record ReferralDto(long id, @Nullable Long caseId, ReferralTarget target, LocalDate referredOn, String reason, ReferralStatus status,
                          @Nullable LocalDate responseOn, String createdBy, long version,
                          @Nullable Long visitId, long personId) {
}
