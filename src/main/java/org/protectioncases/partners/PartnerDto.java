package org.protectioncases.partners;

import org.jspecify.annotations.Nullable;

/**
 * A partner organisation as shown and edited in the UI.
 *
 * @param id null for a partner not saved yet
 * @param version optimistic-lock version; an edit based on a stale copy is refused
 */
public record PartnerDto(@Nullable Long id, String code, String name, PartnerType type, boolean active, long version) {

    public static PartnerDto blank() {
        return new PartnerDto(null, "", "", PartnerType.IMPLEMENTING_PARTNER, true, 0);
    }
}
