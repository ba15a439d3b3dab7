@NullMarked
package org.protectioncases.security;

import org.jspecify.annotations.NullMarked;
