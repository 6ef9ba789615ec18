/**
 * io.dialer.transfer.
 */
package io.dialer.transfer;
