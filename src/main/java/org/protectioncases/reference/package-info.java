@NullMarked
package org.protectioncases.reference;

import org.jspecify.annotations.NullMarked;
