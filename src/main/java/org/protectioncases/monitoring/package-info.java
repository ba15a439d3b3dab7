/**
 * Protection monitoring visits: returnee communities, collective shelters, border crossing points
 * and the airport; who was met, concerns observed, referrals made on the spot and follow-ups.
 */
@NullMarked
package org.protectioncases.monitoring;

import org.jspecify.annotations.NullMarked;
