/*
 * Dialer core.
 */
package io.dialer.core.engine;

/**
 * Where a call is.
 */
enum CallPhase
{
    /** The slot is free. */
    IDLE,
    /** The lead is being dialed. */
    DIALING,
    /** Answered; the detector listens to the greeting. */
    DETECTING,
    /** The script talks with a person. */
    QUALIFYING,
    /** The script ended (disqualified, callback, opt-out) or the callback offer was answered: last words. */
    CLOSING,
    /** Qualified: on hold, a closer is being found, dialed and briefed. */
    TRANSFERRING,
    /** The transfer returned the caller: the apology and the callback offer. */
    OFFERING_CALLBACK,
    /** Caller and closer are connected. */
    BRIDGED,
    /** A machine: waiting for the beep. */
    AWAITING_BEEP,
    /** The voicemail message plays. */
    LEAVING_MESSAGE,
    /** Abandoned: the safe-harbor message plays, then the dialer hangs up. */
    SAFE_HARBOR,
    /** The dialer hung up; waiting for the leg to end. */
    HANGING_UP,
    /** The lead's leg is gone; closer legs may still be ending. */
    ENDED
}
