package org.protectioncases.reports.activity;

/** The parts of the activity report; which ones a user gets depends on their role. */
public enum ActivitySection {
    SESSIONS, VISITS, BORDER, CASES, REFERRALS, PERSONS_REACHED, CIVIL_DOCUMENTS, HOURS
}
