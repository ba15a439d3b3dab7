package org.protectioncases.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.FieldValidationException;

/** The answer rule of a referral, the same for case and visit referrals. */
class ReferralTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate REFERRED_ON = LocalDate.of(2026, 11, 20);

    private static Referral caseReferral() {
        return new Referral(7L, 11L, ReferralTarget.MUNICIPAL_CIVIL_REGISTRY, REFERRED_ON, "Late birth registration", 3L, "lawyer");
    }

    private static Referral visitReferral() {
        return Referral.fromVisit(5L, 1L, 11L, ReferralTarget.MUNICIPAL_CIVIL_REGISTRY, REFERRED_ON, "At the crossing point", 3L, "monitor");
    }

    @Test
    void anAnswerOnOrAfterTheReferralAndNotInTheFutureIsRecorded() {
        for (Referral r : new Referral[] {caseReferral(), visitReferral()}) {
            r.respond(ReferralStatus.ACCEPTED, REFERRED_ON, TODAY);
            assertThat(r.getStatus()).isEqualTo(ReferralStatus.ACCEPTED);
            assertThat(r.getResponseOn()).isEqualTo(REFERRED_ON);
            r.respond(ReferralStatus.COMPLETED, TODAY, TODAY);
            assertThat(r.getStatus()).isEqualTo(ReferralStatus.COMPLETED);
            assertThat(r.getResponseOn()).isEqualTo(TODAY);
        }
    }

    @Test
    void backToSentNeedsNoDate() {
        Referral r = caseReferral();
        r.respond(ReferralStatus.DECLINED, TODAY, TODAY);
        r.respond(ReferralStatus.SENT, null, TODAY);
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.SENT);
        assertThat(r.getResponseOn()).isNull();
    }

    @Test
    void anAnswerOtherThanSentNeedsADate() {
        for (ReferralStatus status : new ReferralStatus[] {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.COMPLETED}) {
            refused(visitReferral(), status, null, "validation.required");
        }
    }

    @Test
    void theDateMayBeNeitherInTheFutureNorBeforeTheReferral() {
        refused(caseReferral(), ReferralStatus.ACCEPTED, TODAY.plusDays(1), "validation.notInFuture");
        refused(visitReferral(), ReferralStatus.DECLINED, REFERRED_ON.minusDays(1), "validation.endBeforeStart");
        // Even when going back to "sent", a date given must make sense.
        refused(caseReferral(), ReferralStatus.SENT, TODAY.plusDays(1), "validation.notInFuture");
    }

    private static void refused(Referral r, ReferralStatus status, LocalDate responseOn, String key) {
        assertThatThrownBy(() -> r.respond(status, responseOn, TODAY))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsExactly(
                        java.util.Map.entry("responseOn", key)));
        // A refused answer changes nothing.
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.SENT);
        assertThat(r.getResponseOn()).isNull();
    }
}
