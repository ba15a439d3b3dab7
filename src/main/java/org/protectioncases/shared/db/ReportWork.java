package org.protectioncases.shared.db;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service method that runs report or export SQL (aggregates over many rows, streamed
 * exports). Such calls share a few connections of the pool between them ({@link ReportBulkhead}),
 * so casework always finds a connection however many reports run.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReportWork {
}
