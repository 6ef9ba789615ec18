/*
 * Dialer media.
 */
package io.dialer.media;

/**
 * Sessions mixed together (a conference): each member's far end hears the sum of the other members' received audio,
 * sent on the member's own 20 ms timer. Owned by the media thread.
 * <p>
 * A prompt can be played over the mix ({@link #playOver}): each member adds it to what its far end hears, from its
 * own first frame in the group, so every far end hears the whole prompt over the conversation. When every member
 * still in the group has sent its last sample the prompt is reported finished to its owner, and a two-member group
 * made by an introduction becomes a plain bridge (packets relayed, RFC 4733 forwarded).
 */
final class MixGroup
{
    static final int MAX_MEMBERS = 8;

    final RtpSession[] members;

    private Prompt prompt;
    private RtpSession promptOwner;
    private long promptId;

    MixGroup(final RtpSession[] members)
    {
        this.members = members;
        for (int i = 0; i < members.length; i++)
        {
            members[i].joinMix(this, i);
        }
    }

    /**
     * Plays a prompt over the mix to every member; the owner's listener gets its end, and when it ends (not
     * interrupted by a member leaving) the two members are bridged.
     *
     * @param owner    the member whose listener reports the prompt's end.
     * @param audio    the prompt.
     * @param id       the playback id reported.
     */
    void playOver(final RtpSession owner, final Prompt audio, final long id)
    {
        prompt = audio;
        promptOwner = owner;
        promptId = id;
        if (0 == audio.sampleArray().length)
        {
            finishPrompt(false, true);
        }
    }

    Prompt prompt()
    {
        return prompt;
    }

    RtpSession promptOwner()
    {
        return null == prompt ? null : promptOwner;
    }

    /**
     * A member has sent the prompt's last sample to its far end; once all have, the prompt is finished.
     */
    void onPromptHeard()
    {
        if (null == prompt)
        {
            return;
        }
        for (final RtpSession member : members)
        {
            if (member.mixGroup() == this && !member.mixPromptDone())
            {
                return;
            }
        }
        finishPrompt(false, true);
    }

    /**
     * Ends the prompt played over the mix and reports it to its owner; then, when asked and the group is still the
     * two legs of an introduction, bridges them.
     *
     * @param interrupted whether it was stopped before every far end heard it all.
     * @param bridgeAfter whether the two members become a plain bridge.
     */
    void finishPrompt(final boolean interrupted, final boolean bridgeAfter)
    {
        final RtpSession owner = promptOwner;
        if (null == prompt)
        {
            return;
        }
        prompt = null;
        promptOwner = null;
        owner.notifyPlaybackFinished(promptId, interrupted);
        if (bridgeAfter && 2 == members.length &&
            members[0].mixGroup() == this && members[1].mixGroup() == this &&
            !members[0].closed && !members[1].closed)
        {
            members[0].bridge(members[1]);
        }
    }

    void leave(final RtpSession session)
    {
        if (null != prompt)
        {
            finishPrompt(true, false);
        }
        int remaining = 0;
        for (final RtpSession member : members)
        {
            if (null != member && member != session && member.mixGroup() == this)
            {
                remaining++;
            }
        }
        session.leaveMix();
        if (remaining < 2)
        {
            for (final RtpSession member : members)
            {
                if (member.mixGroup() == this)
                {
                    member.leaveMix();
                }
            }
        }
    }
}
