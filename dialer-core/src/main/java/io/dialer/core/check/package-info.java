/**
 * Checks of the files a manager writes (qualification scripts, campaign and closers files, lead lists, do-not-call
 * lists) and the dry run of a script: one piece of code that {@code dialer validate} and {@code dialer dry-run} print
 * and the server's upload endpoints return as JSON, in the same words.
 */
package io.dialer.core.check;
