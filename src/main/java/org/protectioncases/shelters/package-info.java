@NullMarked
package org.protectioncases.shelters;

import org.jspecify.annotations.NullMarked;
