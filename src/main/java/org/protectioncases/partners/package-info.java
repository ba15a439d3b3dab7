@NullMarked
package org.protectioncases.partners;

import org.jspecify.annotations.NullMarked;
