/**
 * io.dialer.sip.
 */
package io.dialer.sip;
