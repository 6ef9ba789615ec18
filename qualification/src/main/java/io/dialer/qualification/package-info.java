/**
 * io.dialer.qualification.
 */
package io.dialer.qualification;
