/**
 * The data directory: everything a manager uploads, kept as uploaded with small JSON metadata, users and tokens;
 * every write atomic (a temporary file or directory beside the target, fsync, rename, fsync the directory), so a
 * crash at any moment loses nothing accepted and leaves nothing half-written. See {@code docs/storage.md}.
 */
package io.dialer.server.storage;
