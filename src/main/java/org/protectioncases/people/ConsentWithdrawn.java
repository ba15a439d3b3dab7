package org.protectioncases.people;

import java.time.LocalDate;

/**
 * Published inside the transaction that records a withdrawn consent (issue #16): modules that act
 * on a consent (referrals, transfers) stop or flag what is still under way for the person.
 */
public record ConsentWithdrawn(long personId, ConsentScope scope, LocalDate withdrawnOn, String withdrawnBy) {
}
