@NullMarked
package org.protectioncases.counselling;

import org.jspecify.annotations.NullMarked;
