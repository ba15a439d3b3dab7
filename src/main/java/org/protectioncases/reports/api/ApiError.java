package org.protectioncases.reports.api;

import org.jspecify.annotations.Nullable;

/**
 * The body of every error answer of the reporting API.
 *
 * @param error   a fixed code: bad_request, unauthorized, invalid_token, forbidden, busy
 * @param field   the request parameter at fault, for bad_request
 */
public record ApiError(String error, String message, @Nullable String field) {
}
