package org.protectioncases.apitokens;

/**
 * A token just created, with its secret. The secret exists only here: it is shown once and
 * cannot be recovered later (only its hash is stored).
 */
public record CreatedApiToken(ApiTokenDto token, String secret) {

    @Override
    public String toString() {
        return "CreatedApiToken[" + token.prefix() + "]";
    }
}
