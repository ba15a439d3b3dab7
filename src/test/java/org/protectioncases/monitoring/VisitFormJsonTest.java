package org.protectioncases.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.ReferralTarget;
import tools.jackson.databind.json.JsonMapper;

/** Visit drafts are stored as JSON of {@link VisitForm}: the referrals typed on the form go with it, and older drafts still read. */
class VisitFormJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void referralsTypedOnTheFormRoundTripAndADraftFromBeforeThemReadsWithNone() {
        VisitForm form = new VisitForm(LocalDate.of(2026, 12, 1), Set.of("monitor.krct"), LocationType.BORDER_CROSSING_POINT, "POD", null,
                "Merdare", VisitPurpose.BORDER_MONITORING, OthersMet.NONE, Set.of(), null, null, false, null, 3, 1, 0, List.of(7L),
                List.of(new VisitFormReferral(7L, ReferralTarget.MINISTRY_INTERNAL_AFFAIRS, "Asylum"),
                        new VisitFormReferral(null, null, "")));
        String json = JSON.writeValueAsString(form);
        assertThat(JSON.readValue(json, VisitForm.class)).isEqualTo(form);

        // Drafts saved before referrals were on the form have no "referrals" (and older clients no reason).
        String old = json.replaceFirst(",\"referrals\":\\[.*\\]", "");
        assertThat(old).doesNotContain("referrals");
        VisitForm read = JSON.readValue(old, VisitForm.class);
        assertThat(read.referrals()).isEmpty();
        assertThat(read.personIds()).containsExactly(7L);
        assertThat(JSON.readValue("{\"personId\":7,\"target\":\"ICRC\"}", VisitFormReferral.class).reason()).isEmpty();
    }
}
