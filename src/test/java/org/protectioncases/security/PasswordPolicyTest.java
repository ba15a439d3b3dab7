package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void rejectsShortPasswords() {
        assertThat(policy.check("Short-pass1", "someone")).contains("password.validation.tooShort");
    }

    @Test
    void rejectsCommonPasswordsEvenWithTrailingDigitsOrCase() {
        assertThat(policy.commonPasswordCount()).isGreaterThan(10_000);
        assertThat(policy.check("password1234", "someone")).contains("password.validation.common");
        assertThat(policy.check("Password1234", "someone")).contains("password.validation.common");
        assertThat(policy.check("Prishtina2025!", "someone")).contains("password.validation.common");
    }

    @Test
    void rejectsPasswordsContainingTheUsername() {
        assertThat(policy.check("vjosa.gashi-is-here", "vjosa.gashi")).contains("password.validation.containsUsername");
    }

    @Test
    void acceptsALongUncommonPassphrase() {
        assertThat(policy.check("river-lantern-Gjakova-47", "someone")).isEmpty();
    }
}
