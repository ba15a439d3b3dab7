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

    /**
     * The method may answer from a cache of computed reports. When every report slot is taken, it is
     * first run without a slot, allowed to answer only from the cache ({@link ReportBulkhead#cachedOnly()});
     * a cache that does not hold the answer throws {@link ReportBulkhead#notCached()}, and the call then
     * waits for a slot as any report does. A cached factsheet (a few milliseconds) so never queues
     * behind another user's activity report (a second).
     */
    boolean cached() default false;
}
