@NullMarked
package org.protectioncases.people.ui;

import org.jspecify.annotations.NullMarked;
