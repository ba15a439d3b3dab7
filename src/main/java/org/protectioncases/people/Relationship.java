package org.protectioncases.people;

/** A household member's relationship to the head of the household. */
public enum Relationship {
    HEAD, SPOUSE, CHILD, PARENT, SIBLING, GRANDCHILD, OTHER_RELATIVE, NON_RELATIVE;

    public String messageKey() {
        return "relationship." + name();
    }
}
