@NullMarked
package org.protectioncases.demo;

import org.jspecify.annotations.NullMarked;
