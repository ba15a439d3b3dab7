@NullMarked
package org.protectioncases.followups;

import org.jspecify.annotations.NullMarked;
