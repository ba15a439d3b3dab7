package org.protectioncases.people;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The head of the person page: what a caseworker must know at a glance before acting.
 *
 * @param currentGroup    the population group that holds today (the latest started), if any
 * @param activeConsents  scopes of the consents given and not withdrawn
 * @param restrictedNeeds the person has a restricted need (SGBV, torture); false for readers who may
 *                        not see restricted needs, so for them the flag says nothing either way
 * @param work            the person's cases (from {@link PersonWorkSource}s), open ones first
 */
public record PersonOverview(@Nullable PopulationGroup currentGroup, Set<ConsentScope> activeConsents, boolean restrictedNeeds,
                             List<PersonWork> work) {
}
