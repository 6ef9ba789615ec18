/**
 * io.dialer.core.
 */
package io.dialer.core;
