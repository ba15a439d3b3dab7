package org.protectioncases.people;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Likely duplicates of a person being registered: the ones the user may see, and only a count of
 * those registered by other partners (their details are not the user's to see).
 */
public record DuplicateCheck(List<Match> visible, int otherPartners) {

    /**
     * A possible match, best first, with what tells two people of the same name apart (father's
     * name, sex, municipality).
     */
    public record Match(long id, String registrationNo, String givenName, String familyName, @Nullable Integer birthYear,
                        double score, @Nullable String fatherName, Sex sex, @Nullable String municipalityCode) {
    }

    public boolean isEmpty() {
        return visible.isEmpty() && otherPartners == 0;
    }
}
