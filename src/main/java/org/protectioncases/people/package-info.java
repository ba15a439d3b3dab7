@NullMarked
package org.protectioncases.people;

import org.jspecify.annotations.NullMarked;
