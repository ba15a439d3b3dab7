package org.protectioncases.cases;

/** A person a case also concerns besides its principal (usually a household member). */
public record CaseMember(long personId, String label) {
}
