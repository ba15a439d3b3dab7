/**
 * The read-only reporting API ({@code /api/v1/reports/...}): the factsheet, breakdowns and yearly
 * series as JSON or CSV, always through {@code FactsheetService}, which scopes them to the caller.
 * Authentication is the apitokens module's bearer-token chain.
 */
@NullMarked
package org.protectioncases.reports.api;

import org.jspecify.annotations.NullMarked;
