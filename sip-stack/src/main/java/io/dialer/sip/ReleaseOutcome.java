/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * How a media release after the bridge ended ({@link CallLeg#releaseMedia}): the two far ends send RTP to each
 * other, or the dialer's bridge carries their audio as before.
 */
public enum ReleaseOutcome
{
    /** Both legs accepted the other's media: caller and closer talk directly, the dialer's media is closed. */
    RELEASED(true),
    /** The caller refused the re-INVITE (or did not answer in time): nothing moved, the bridge stays. */
    CALLER_REFUSED(false),
    /** The closer refused (or did not answer in time): the caller was re-INVITEd back, the bridge stays. */
    CLOSER_REFUSED(false),
    /**
     * The closer refused and the caller did not come back either: the caller's audio goes straight to the closer,
     * the closer's still through the dialer's bridge. The call goes on.
     */
    RESTORE_FAILED(false),
    /** The legs speak different codecs: the dialer transcodes, so the bridge stays and nothing is re-INVITEd. */
    CODECS_DIFFER(false),
    /** A leg ended (or a re-INVITE could not be sent) before the release was done. */
    ENDED(false);

    private final boolean released;

    ReleaseOutcome(final boolean released)
    {
        this.released = released;
    }

    /**
     * Whether the far ends now send RTP to each other and the dialer's media for the pair is closed.
     *
     * @return true for {@link #RELEASED}.
     */
    public boolean released()
    {
        return released;
    }
}
