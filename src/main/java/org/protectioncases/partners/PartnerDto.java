package org.protectioncases.partners;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.SingleLine;

/**
 * A partner organisation as shown and edited in the UI.
 *
 * @param id null for a partner not saved yet
 * @param version optimistic-lock version; an edit based on a stale copy is refused
 */
public record PartnerDto(@Nullable Long id,
                         @Required @Pattern(regexp = CODE_PATTERN, message = "partner.validation.codeFormat")
                         @Size(max = CODE_MAX) @SingleLine String code,
                         @Required @Size(max = NAME_MAX) @SingleLine String name, PartnerType type, boolean active, long version) {

    /**
     * A short code of letters, digits, '-' and '_', starting with a letter or digit; the white space
     * around it is what the service strips before saving (Java's white space, as {@code strip()}).
     */
    public static final String CODE_PATTERN = "\\p{javaWhitespace}*[A-Za-z0-9][A-Za-z0-9_-]{1,15}\\p{javaWhitespace}*";

    // Column sizes of partner (db-changelog/partners); the partner form uses the same constants.
    public static final int CODE_MAX = 16;
    public static final int NAME_MAX = 200;

    public static PartnerDto blank() {
        return new PartnerDto(null, "", "", PartnerType.IMPLEMENTING_PARTNER, true, 0);
    }
}
