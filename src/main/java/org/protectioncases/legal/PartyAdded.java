package org.protectioncases.legal;

import java.util.List;

/** A party just added, and the possible conflicts its name raised (empty: none found). */
public record PartyAdded(PartyDto party, List<ConflictDto> conflicts) {
}
