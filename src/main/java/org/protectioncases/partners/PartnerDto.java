package org.protectioncases.partners;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.SingleLine;

/**
 * A partner organisation as shown and edited in the UI.
 *
 * @param id null for a partner not saved yet
 * @param version optimistic-lock version; an edit based on a stale copy is refused
 */
public record PartnerDto(@Nullable Long id, @Size(max = CODE_MAX) @SingleLine String code,
                         @Size(max = NAME_MAX) @SingleLine String name, PartnerType type, boolean active, long version) {

    // Column sizes of partner (db-changelog/partners); the partner form uses the same constants.
    public static final int CODE_MAX = 16;
    public static final int NAME_MAX = 200;

    public static PartnerDto blank() {
        return new PartnerDto(null, "", "", PartnerType.IMPLEMENTING_PARTNER, true, 0);
    }
}
