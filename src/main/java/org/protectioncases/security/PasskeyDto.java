package org.protectioncases.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One of the signed-in user's passkeys: its id (base64url), the label the user gave it, when added and last used. */
public record PasskeyDto(String id, String label, @Nullable Instant created, @Nullable Instant lastUsed) {
}
