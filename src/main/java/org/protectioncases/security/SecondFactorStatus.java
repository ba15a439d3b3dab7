package org.protectioncases.security;

/**
 * The signed-in user's second factor: whether an authenticator app is enrolled, whether the role
 * requires a second factor, whether this sign-in has passed one, how many recovery codes are left,
 * whether the user has a passkey, and whether this sign-in owes nothing more (it may then add or
 * remove passkeys).
 */
public record SecondFactorStatus(boolean enrolled, boolean required, boolean passed, int recoveryCodesLeft,
                                 boolean passkey, boolean complete) {
}
