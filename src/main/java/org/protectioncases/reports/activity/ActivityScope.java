package org.protectioncases.reports.activity;

import org.jspecify.annotations.Nullable;

/**
 * Whose activity a report counts: everything (both null), one partner's, or one member of staff's
 * own within their partner (sessions they held, cases assigned to them, visits they made).
 */
record ActivityScope(@Nullable Long partner, @Nullable String username) {

    static final ActivityScope ALL = new ActivityScope(null, null);
}
