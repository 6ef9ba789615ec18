/*
 * Dialer media.
 */
package io.dialer.media;

/**
 * The frame timers of one media agent's sessions: every session sends a frame each 20 ms, so the 20 ms period is cut
 * into {@code slotCount} ticks and each session sits, on an intrusive doubly-linked list, in the slot of the first tick
 * at or after its next deadline. A session keeps its own phase (its deadline in nanoseconds); a slot only says which
 * tick looks at it. As the period is a whole number of ticks, a session that sent its frame on time stays in the same
 * slot: no rehash, no allocation, no move per frame, and adding or removing a session is O(1).
 * <p>
 * A session due at or before the last polled tick (a new connection, a session that fell behind) waits on the due
 * list, polled first. Owned by the agent thread; not thread-safe.
 */
final class FrameGrid
{
    static final int NOT_SCHEDULED = -1;

    /**
     * What the grid keeps of a session: its deadline and its links (intrusive, so the grid allocates nothing).
     */
    abstract static class Entry
    {
        /** The next frame's deadline, on the agent's clock; moved on by the handler. */
        long nextDeadlineNs;
        int gridSlot = NOT_SCHEDULED;
        Entry gridNext;
        Entry gridPrev;
    }

    /**
     * What the grid calls for a session whose deadline has passed.
     */
    interface Handler
    {
        /**
         * The session's frame deadline has passed: send its frame(s) and move its deadline on.
         *
         * @param session the session: its deadline must end up after {@code nowNs}, or it must be removed.
         * @param nowNs   the time of the poll.
         */
        void onFrameDue(Entry session, long nowNs);
    }

    private final long tickNs;
    private final int slotCount;
    private final int dueSlot;
    private final Entry[] heads;
    private final Handler handler;
    private long polledTick;
    private int size;

    /**
     * A grid of {@code periodNs / tickNs} slots.
     *
     * @param periodNs the frame period, a multiple of the tick.
     * @param tickNs   the tick.
     * @param nowNs    the time now, on the clock the deadlines use.
     * @param handler  called for each due session.
     */
    FrameGrid(final long periodNs, final long tickNs, final long nowNs, final Handler handler)
    {
        if (tickNs <= 0 || periodNs % tickNs != 0)
        {
            throw new IllegalArgumentException("the tick must divide the period: " + tickNs + " / " + periodNs);
        }
        this.tickNs = tickNs;
        this.slotCount = (int)(periodNs / tickNs);
        this.dueSlot = slotCount;
        this.heads = new Entry[slotCount + 1];
        this.handler = handler;
        this.polledTick = Math.floorDiv(nowNs, tickNs);
    }

    /**
     * Sessions on the grid.
     *
     * @return the count.
     */
    int size()
    {
        return size;
    }

    /**
     * When the next tick after the last poll starts: the agent need not wake before then for frames.
     *
     * @return the time of the next tick.
     */
    long nextTickNs()
    {
        return (polledTick + 1) * tickNs;
    }

    /**
     * Whether a session waits on the due list (the next poll sends its frame whatever the time).
     *
     * @return true when one does.
     */
    boolean hasDue()
    {
        return null != heads[dueSlot];
    }

    /**
     * Puts a session on the due list: the next poll sends its frame, then it goes to the slot of its next deadline.
     *
     * @param session not on the grid.
     */
    void addDue(final Entry session)
    {
        link(session, dueSlot);
        size++;
    }

    /**
     * Puts a session in the slot of its deadline ({@link Entry#nextDeadlineNs}).
     *
     * @param session not on the grid.
     */
    void add(final Entry session)
    {
        link(session, slotOf(session.nextDeadlineNs));
        size++;
    }

    /**
     * Takes a session off the grid; nothing when it is not on it.
     *
     * @param session the session.
     */
    void remove(final Entry session)
    {
        if (NOT_SCHEDULED != session.gridSlot)
        {
            unlink(session);
            size--;
        }
    }

    /**
     * Calls the handler for every session whose deadline is at or before {@code nowNs}: first the due list, then the
     * slots of the ticks since the last poll (each slot once, however long the agent was away). After the handler a
     * session moves to the slot of its new deadline if that is another.
     *
     * @param nowNs the time now.
     * @return sessions handled.
     */
    int poll(final long nowNs)
    {
        int handled = pollSlot(dueSlot, nowNs);
        final long nowTick = Math.floorDiv(nowNs, tickNs);
        final long ticks = Math.min(nowTick - polledTick, slotCount);
        final long firstTick = polledTick;
        if (nowTick > polledTick)
        {
            polledTick = nowTick;
        }
        for (long i = 1; i <= ticks; i++)
        {
            handled += pollSlot((int)Math.floorMod(firstTick + i, (long)slotCount), nowNs);
        }
        return handled;
    }

    private int pollSlot(final int slot, final long nowNs)
    {
        int handled = 0;
        Entry session = heads[slot];
        while (null != session)
        {
            final Entry next = session.gridNext;
            if (session.nextDeadlineNs <= nowNs || slot == dueSlot)
            {
                handler.onFrameDue(session, nowNs);
                handled++;
                if (slot == session.gridSlot)
                {
                    final int newSlot = slotOf(session.nextDeadlineNs);
                    if (newSlot != slot)
                    {
                        unlink(session);
                        link(session, newSlot);
                    }
                }
            }
            session = next;
        }
        return handled;
    }

    private int slotOf(final long deadlineNs)
    {
        final long tick = -Math.floorDiv(-deadlineNs, tickNs);
        return tick <= polledTick ? dueSlot : (int)Math.floorMod(tick, (long)slotCount);
    }

    private void link(final Entry session, final int slot)
    {
        final Entry head = heads[slot];
        session.gridSlot = slot;
        session.gridPrev = null;
        session.gridNext = head;
        if (null != head)
        {
            head.gridPrev = session;
        }
        heads[slot] = session;
    }

    private void unlink(final Entry session)
    {
        final Entry prev = session.gridPrev;
        final Entry next = session.gridNext;
        if (null == prev)
        {
            heads[session.gridSlot] = next;
        }
        else
        {
            prev.gridNext = next;
        }
        if (null != next)
        {
            next.gridPrev = prev;
        }
        session.gridSlot = NOT_SCHEDULED;
        session.gridPrev = null;
        session.gridNext = null;
    }
}
