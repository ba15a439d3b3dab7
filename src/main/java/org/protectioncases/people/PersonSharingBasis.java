package org.protectioncases.people;

/**
 * A reason, kept by another module, for a partner other than the registering one to see a person.
 * The cases module contributes one (an accepted transfer of a case for that person to that
 * partner); {@link PersonService#shareWithPartner} grants access only when a basis holds, so the
 * grant cannot be used to reach people by any other path. Modules that hold such reasons depend on
 * this interface, never the reverse: people reads no other module's tables.
 */
public interface PersonSharingBasis {

    /** Whether this module has a record that entitles {@code partnerId} to see the person. */
    boolean entitles(long personId, long partnerId);
}
