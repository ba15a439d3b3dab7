package org.protectioncases.legal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A possible conflict of interest: the name checked on this case is close to a name in another of
 * the partner's own cases (never another partner's).
 *
 * @param foundBy      whether adding a party or opening the case found it
 * @param matchedName  the client's or opposing party's name in the other case, as recorded there
 * @param matchedAs    what the matched name is in the other case
 * @param score        trigram similarity of the folded names (0..1)
 */
public record ConflictDto(long id, long caseId, FoundBy foundBy, @Nullable Long partyId, String checkedName, long matchedCaseId,
                          String matchedCaseNo, String matchedName, MatchedAs matchedAs, double score, boolean open,
                          @Nullable String clearedBy, @Nullable Instant clearedAt, @Nullable String clearReason, long version) {

    public enum FoundBy {
        PARTY_ADDED, CASE_OPENED;

        public String messageKey() {
            return "legal.conflict.foundBy." + name();
        }
    }

    public enum MatchedAs {
        CLIENT, OPPOSING_PARTY;

        public String messageKey() {
            return "legal.conflict.matchedAs." + name();
        }
    }
}
