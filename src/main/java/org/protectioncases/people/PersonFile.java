package org.protectioncases.people;

import java.util.List;

/**
 * A person's dated records as the reader may see them. Restricted needs are left out for readers
 * outside the registering partner, without a trace that they exist.
 */
public record PersonFile(BirthRegistration birthRegistered, List<PersonRecords.ReturnEvent> returns,
                         List<PersonRecords.CivilDocument> documents, List<PersonRecords.Need> needs) {
}
