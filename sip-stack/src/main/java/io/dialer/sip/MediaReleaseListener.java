/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * Told once how a media release ended ({@link CallLeg#releaseMedia}); called on the stack's timer thread, never
 * under a leg's lock. Should return at once.
 */
@FunctionalInterface
public interface MediaReleaseListener
{
    /**
     * The release is over.
     *
     * @param caller    the leg re-INVITEd first.
     * @param closer    the other leg.
     * @param outcome   released, or why the dialer's bridge stays.
     * @param sipStatus the refusing status (488, 415, 500, ...), 408 for no answer in time, 0 when none applies.
     */
    void onMediaRelease(CallLeg caller, CallLeg closer, ReleaseOutcome outcome, int sipStatus);
}
