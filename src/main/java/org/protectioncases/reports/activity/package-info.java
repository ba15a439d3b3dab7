/** Activity statistics: counselling sessions, monitoring visits, referrals and cases per period. */
@NullMarked
package org.protectioncases.reports.activity;

import org.jspecify.annotations.NullMarked;
