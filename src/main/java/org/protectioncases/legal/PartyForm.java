package org.protectioncases.legal;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.SingleLine;

/** A party to add to a case (case_party: name and organisation are varchar(200)). */
public record PartyForm(@Required @Nullable PartyRole role, @Required @Size(max = NAME_MAX) @SingleLine @Nullable String name,
                        @Size(max = NAME_MAX) @SingleLine @Nullable String organisation) {

    public static final int NAME_MAX = 200;
}
