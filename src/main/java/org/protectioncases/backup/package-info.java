/**
 * Backups of the database and their restore: a scheduled and on-demand logical dump (every table
 * through PostgreSQL's {@code COPY}, in one snapshot, into a ZIP file, optionally encrypted with a
 * passphrase), the last N kept, and the restore command ({@code --restore=FILE}) that rebuilds an
 * empty data directory from such a file. Depends on shared (embedded database, permissions),
 * audit and security (system access for the scheduled run).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"audit", "shared"})
package org.protectioncases.backup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
