package org.protectioncases.audit;

import java.time.Instant;

/** One opening of a record's detail page, or a refused attempt. */
public record AccessLogEntry(Instant at, String username, boolean granted) {
}
