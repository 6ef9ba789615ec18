/**
 * Campaign and closers files (YAML): validation with line:column errors, reported all in one pass.
 */
package io.dialer.core.campaign;
