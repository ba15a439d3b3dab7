package org.protectioncases.security;

/**
 * The signed-in user's second factor: whether an authenticator is enrolled, whether the role
 * requires one, whether this sign-in has passed it, and how many recovery codes are left.
 */
public record SecondFactorStatus(boolean enrolled, boolean required, boolean passed, int recoveryCodesLeft) {
}
