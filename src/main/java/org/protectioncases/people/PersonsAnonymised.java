package org.protectioncases.people;

import java.util.List;

/**
 * Published inside the anonymisation transaction: modules that keep records about people (cases,
 * sessions, attachments) remove the free text and files about these people from their own tables,
 * and keep what statistics count. Merged duplicates of the people are in the list too.
 */
public record PersonsAnonymised(List<Long> personIds) {
}
