/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.List;

/**
 * The engine's state as the controller last published it (every 250 ms, after each action applied through the
 * control seam, and on request through {@link EngineControl#refresh()}): immutable, safe to read from any thread.
 * The read side of the control seam.
 *
 * @param timeMs         the controller's time when it was taken.
 * @param live           calls up, every campaign's.
 * @param callersWaiting qualified callers waiting for a closer, every campaign's.
 * @param campaigns      the campaigns, running or over, in the order they were started.
 * @param closers        the sales floor, in the order the closers were added.
 */
public record LiveState(long timeMs, int live, int callersWaiting, List<CampaignState> campaigns,
    List<CloserView> closers)
{
    /**
     * One closer on the floor.
     *
     * @param id       the closer id.
     * @param name     the name.
     * @param state    {@code LOGGED_OUT}, {@code AVAILABLE}, {@code DIALING}, {@code RINGING}, {@code BRIEFING},
     *                 {@code ON_CALL}, {@code WRAP_UP} or {@code PAUSED}.
     * @param reason   the pause reason, or what the closer asked for while busy ("pause after call: lunch"); empty.
     * @param sinceMs  when the closer entered the state, epoch ms.
     * @param campaign the campaign of the call the closer is offered or talking to, empty for none.
     * @param callId   that call, 0 for none.
     * @param lead     that call's lead index in its campaign's list, -1 for none.
     * @param phone    where the closer is dialed ({@code sip:…}, {@code +1…}, {@code ext:…}).
     * @param phoneState for an extension, {@code registered} or {@code not registered}; empty otherwise.
     */
    public record CloserView(
        String id, String name, String state, String reason, long sinceMs, String campaign, long callId, int lead,
        String phone, String phoneState)
    {
    }

    /**
     * @param id a closer id.
     * @return that closer, or null.
     */
    public CloserView closer(final String id)
    {
        for (final CloserView closer : closers)
        {
            if (closer.id().equals(id))
            {
                return closer;
            }
        }
        return null;
    }

    /**
     * @param name a campaign's name.
     * @return that campaign's state, or null.
     */
    public CampaignState campaign(final String name)
    {
        for (final CampaignState campaign : campaigns)
        {
            if (campaign.name().equals(name))
            {
                return campaign;
            }
        }
        return null;
    }

    /**
     * @param id a campaign's id.
     * @return that campaign's state, or null.
     */
    public CampaignState campaign(final int id)
    {
        for (final CampaignState campaign : campaigns)
        {
            if (campaign.id() == id)
            {
                return campaign;
            }
        }
        return null;
    }
}
