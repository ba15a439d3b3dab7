package org.protectioncases.people;

import java.util.List;

/**
 * Records another module keeps about a person (the cases module: the person's cases), for the
 * person page. Same direction as {@link PersonSharingBasis}: modules that build on people
 * implement it as a Spring bean; people reads none of their tables and knows none of them.
 * Called inside {@link PersonOverviewService#overview}'s read-only transaction, after the person
 * was found visible to the signed-in user.
 */
public interface PersonWorkSource {

    /** The module's records about the person that the signed-in user may see, in the order to show them. */
    List<PersonWork> workFor(long personId);
}
