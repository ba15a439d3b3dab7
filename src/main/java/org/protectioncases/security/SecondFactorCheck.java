package org.protectioncases.security;

/** The answer to a typed second-factor code. */
public enum SecondFactorCheck {
    /** Accepted: this sign-in has passed its second factor. */
    PASSED,
    /** Wrong, reused or expired code; counted toward the lockout. */
    WRONG,
    /** The account is locked (now, or by this failure): the sign-in has ended. */
    LOCKED
}
