/*
 * Dialer media tests.
 */
package io.dialer.media;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The media agent's frame timers, with time in the test's hands: each session is handled at the first tick at or
 * after its deadline, keeps its phase, and stays in its slot from frame to frame.
 */
class FrameGridTest
{
    private static final long MS = 1_000_000L;
    private static final long FRAME_NS = 20 * MS;
    private static final long TICK_NS = 2 * MS;
    private static final long START_NS = 1_000 * MS;

    private final List<String> handled = new ArrayList<>();
    private final FrameGrid grid = new FrameGrid(FRAME_NS, TICK_NS, START_NS, this::onFrameDue);

    @Test
    void shouldHandleANewSessionAtOnceThenEveryFrameAtTheTickAfterItsDeadline()
    {
        final Session session = new Session("a", START_NS + 500_000);
        grid.addDue(session);
        assertTrue(grid.hasDue());

        assertEquals(1, grid.poll(START_NS + 600_000));
        assertEquals(List.of("a@1000.6"), handled);
        assertFalse(grid.hasDue());
        final int slot = session.gridSlot;

        // next deadline 1020.5 ms: not at the tick of 1020 ms, at the tick of 1022 ms
        assertEquals(0, grid.poll(START_NS + 20 * MS));
        assertEquals(1, grid.poll(START_NS + 22 * MS));
        assertEquals(1, grid.poll(START_NS + 42 * MS + 10_000));
        assertEquals(List.of("a@1000.6", "a@1022.0", "a@1042.01"), handled);
        assertEquals(slot, session.gridSlot, "a session on time stays in its slot");
        assertEquals(START_NS + 60 * MS + 500_000, session.nextDeadlineNs, "the session keeps its phase");
    }

    @Test
    void shouldHandleEachSessionInTheTickOfItsOwnPhase()
    {
        final Session[] sessions = new Session[20];
        for (int i = 0; i < sessions.length; i++)
        {
            sessions[i] = new Session("s" + i, START_NS + i * MS + 1);
            grid.add(sessions[i]);
        }
        assertEquals(20, grid.size());

        for (long t = 1; t <= 10; t++)
        {
            handled.clear();
            assertEquals(2, grid.poll(START_NS + t * TICK_NS));
            assertEquals(List.of("s" + (2 * t - 1) + "@" + ms(START_NS + t * TICK_NS),
                "s" + (2 * t - 2) + "@" + ms(START_NS + t * TICK_NS)), handled);
        }
        handled.clear();
        assertEquals(20, grid.poll(START_NS + FRAME_NS + 20 * TICK_NS), "a late poll handles every slot once");
    }

    @Test
    void shouldRemoveFromAnyPlaceInASlot()
    {
        final Session first = new Session("first", START_NS + MS);
        final Session middle = new Session("middle", START_NS + MS);
        final Session last = new Session("last", START_NS + MS);
        grid.add(first);
        grid.add(middle);
        grid.add(last);

        grid.remove(middle);
        grid.remove(middle);
        assertEquals(FrameGrid.NOT_SCHEDULED, middle.gridSlot);
        assertEquals(2, grid.size());
        grid.poll(START_NS + TICK_NS);
        assertEquals(List.of("last@1002.0", "first@1002.0"), handled);

        grid.remove(last);
        grid.remove(first);
        assertEquals(0, grid.size());
        handled.clear();
        grid.poll(START_NS + 10 * FRAME_NS);
        assertEquals(List.of(), handled);
    }

    @Test
    void shouldCatchUpAfterTheAgentWasAwayAndTellWhenToWake()
    {
        final Session session = new Session("a", START_NS);
        grid.addDue(session);
        grid.poll(START_NS);
        assertEquals(START_NS + TICK_NS, grid.nextTickNs());

        // away for 3 frames: the handler catches up (sends the missed frames) in one call
        handled.clear();
        assertEquals(1, grid.poll(START_NS + 3 * FRAME_NS + 100));
        assertEquals(1, handled.size());
        assertEquals(START_NS + 4 * FRAME_NS, session.nextDeadlineNs);
        assertEquals(START_NS + 3 * FRAME_NS + TICK_NS, grid.nextTickNs());
        assertEquals(1, grid.poll(START_NS + 4 * FRAME_NS));
    }

    @Test
    void shouldRejectATickThatDoesNotDivideTheFrame()
    {
        assertThrows(IllegalArgumentException.class, () -> new FrameGrid(FRAME_NS, 3 * MS, 0, this::onFrameDue));
        assertThrows(IllegalArgumentException.class, () -> new FrameGrid(FRAME_NS, 0, 0, this::onFrameDue));
    }

    private void onFrameDue(final FrameGrid.Entry entry, final long nowNs)
    {
        handled.add(((Session)entry).name + "@" + ms(nowNs));
        while (entry.nextDeadlineNs <= nowNs)
        {
            entry.nextDeadlineNs += FRAME_NS;
        }
    }

    private static String ms(final long nanos)
    {
        return String.valueOf(nanos / 1e6);
    }

    private static final class Session extends FrameGrid.Entry
    {
        final String name;

        Session(final String name, final long deadlineNs)
        {
            this.name = name;
            this.nextDeadlineNs = deadlineNs;
        }
    }
}
