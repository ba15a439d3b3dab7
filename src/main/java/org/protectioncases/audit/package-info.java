@NullMarked
package org.protectioncases.audit;

import org.jspecify.annotations.NullMarked;
