package org.protectioncases.apitokens;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the reporting API ({@code app.api.limits.*}).
 *
 * @param failedAuthentications failed token authentications one client (IP address, after the
 *                              forwarded-headers handling) may make per {@code failedAuthenticationPeriod}
 *                              before it gets 429 for every request, good token or not
 * @param failedAuthenticationPeriod the period in which that many failures are forgiven again
 * @param concurrentRequestsPerToken report requests one token may have in progress at once
 */
@ConfigurationProperties("app.api.limits")
record ApiLimits(
        @DefaultValue("10") int failedAuthentications,
        @DefaultValue("1m") Duration failedAuthenticationPeriod,
        @DefaultValue("2") int concurrentRequestsPerToken) {
}
