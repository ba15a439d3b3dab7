@NullMarked
package org.protectioncases.shared.db;

import org.jspecify.annotations.NullMarked;
