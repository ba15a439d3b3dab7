@NullMarked
package org.protectioncases;

import org.jspecify.annotations.NullMarked;
