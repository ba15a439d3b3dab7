package org.protectioncases.followups;

/**
 * A follow-up of one of the partner's staff, for a coordinator's view of the partner's work.
 *
 * @param staff    the username of whose follow-up it is (the case's caseworker, the session's counsellor)
 * @param followUp the follow-up as "My follow-ups" shows it to that person
 */
public record StaffFollowUp(String staff, FollowUp followUp) {
}
