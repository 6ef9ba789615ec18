/*
 * Campaigns.
 */
package io.dialer.core.campaign;

/**
 * A calling window override for one state: local start and end (minutes after midnight) and a cap on calls per
 * lead in any 24 hours (0 when none).
 */
public final class StateWindow
{
    private final String state;
    private final int startMinute;
    private final int endMinute;
    private final int maxCallsPer24h;

    /**
     * A window.
     *
     * @param state          two-letter state, like {@code FL}.
     * @param startMinute    local start, minutes after midnight.
     * @param endMinute      local end, minutes after midnight.
     * @param maxCallsPer24h cap per lead in any 24 hours, 0 for none.
     */
    public StateWindow(final String state, final int startMinute, final int endMinute, final int maxCallsPer24h)
    {
        this.state = state;
        this.startMinute = startMinute;
        this.endMinute = endMinute;
        this.maxCallsPer24h = maxCallsPer24h;
    }

    /**
     * The state.
     *
     * @return two letters, upper case.
     */
    public String state()
    {
        return state;
    }

    /**
     * Local start.
     *
     * @return minutes after midnight.
     */
    public int startMinute()
    {
        return startMinute;
    }

    /**
     * Local end.
     *
     * @return minutes after midnight.
     */
    public int endMinute()
    {
        return endMinute;
    }

    /**
     * Cap on calls per lead in any 24 hours.
     *
     * @return the cap, 0 for none.
     */
    public int maxCallsPer24h()
    {
        return maxCallsPer24h;
    }
}
