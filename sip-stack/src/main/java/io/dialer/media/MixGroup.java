/*
 * Dialer media.
 */
package io.dialer.media;

/**
 * Sessions mixed together (a conference, e.g. the three-way introduction of a warm transfer): each member's far end
 * hears the sum of the other members' received audio, sent on the member's own 20 ms timer. Owned by the media
 * thread.
 */
final class MixGroup
{
    static final int MAX_MEMBERS = 8;

    final RtpSession[] members;

    MixGroup(final RtpSession[] members)
    {
        this.members = members;
        for (int i = 0; i < members.length; i++)
        {
            members[i].joinMix(this, i);
        }
    }

    void leave(final RtpSession session)
    {
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
