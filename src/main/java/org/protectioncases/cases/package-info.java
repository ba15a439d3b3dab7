@NullMarked
package org.protectioncases.cases;

import org.jspecify.annotations.NullMarked;
