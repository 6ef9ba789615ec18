/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

/**
 * How a {@link WarmTransfer} ended, given once in {@link TransferCommands#transferEnded}.
 */
public enum TransferOutcome
{
    /** Caller and closer bridged. */
    COMPLETED,
    /** The caller hung up before the bridge. */
    CALLER_HUNG_UP,
    /** M closers tried, none accepted; the caller was returned with the apology and callback offer. */
    ATTEMPTS_EXHAUSTED,
    /** The hold limit was reached; the caller was returned with the apology and callback offer. */
    HOLD_LIMIT,
    /** The matcher could not take the request (queue full, unknown skill); the caller was returned. */
    NO_CLOSER
}
