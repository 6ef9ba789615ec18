/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

/**
 * Symbolic prompts; the dialer maps them to audio (configured files, TTS, or built-in recordings).
 */
public enum Prompt
{
    /** Hold music for the caller: the configured file or the built-in one; played in a loop. */
    HOLD_MUSIC,
    /** "Thanks for holding, we are connecting you", every reassurance interval. */
    REASSURANCE,
    /** The private briefing to the closer: the transfer's context summary. */
    BRIEFING,
    /** "Press 1 to accept, 9 to reject", after the briefing. */
    ACCEPT_REJECT_INSTRUCTIONS,
    /** To a briefed closer: "the caller has hung up". */
    CALLER_HUNG_UP_NOTICE,
    /** To a briefed closer when the transfer is withdrawn (hold limit): "this transfer has been cancelled". */
    TRANSFER_CANCELLED_NOTICE,
    /** To the caller on failure: apology and callback offer. */
    APOLOGY_CALLBACK_OFFER,
    /** To the caller after acceptance, before the bridge: "connecting you to ... now". */
    INTRODUCTION,
    /**
     * To a returned caller who chose a callback time after {@link #APOLOGY_CALLBACK_OFFER}: thanks and goodbye.
     * Played by the dialer after the transfer ended, never by {@link WarmTransfer}.
     */
    CALLBACK_CONFIRMATION
}
