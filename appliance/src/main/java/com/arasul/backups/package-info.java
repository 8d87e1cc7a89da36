/**
 * Backups of what the box cannot rebuild: the database (one {@code pg_dump}), the live rules, the
 * trusted update keys and the installed version, as one verified archive with SHA-256 sums, daily
 * and on demand, to the object storage's {@code backups} bucket or the data folder, rotated.
 */
package com.arasul.backups;
