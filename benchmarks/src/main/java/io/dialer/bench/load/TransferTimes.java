/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

import io.dialer.core.engine.StepListener;
import io.dialer.core.journal.Step;
import org.HdrHistogram.Histogram;

/**
 * The warm transfer's moments of each call on one clock ({@link System#nanoTime()}, one JVM): when the screen pop
 * reached the closer's console (the SSE client's receipt of the {@code offer} event's data), when the console sent
 * Accept and had its answer (the HTTP client), and, from the engine's {@link StepListener}, when the briefing started
 * playing to the closer ({@link Step#CLOSER_ANSWER_TO_BRIEFING}'s end: the briefing handed to the closer leg's
 * media thread, whose next 20 ms frame sends it) and when the two legs were bridged ({@link Step#ACCEPT_TO_BRIDGE}'s
 * end). Every call's first offer counts; a call offered again (a closer who did not accept in time) is counted
 * apart.
 */
final class TransferTimes implements StepListener
{
    /**
     * One call's moments, 0 until they happen.
     */
    static final class Call
    {
        volatile String closerId;
        volatile long popNanos;
        volatile long inviteNanos;
        volatile long briefingNanos;
        volatile long acceptSentNanos;
        volatile long acceptAnsweredNanos;
        volatile long bridgeNanos;
        volatile long bridgeStepNanos;
        volatile int tries;
    }

    private final Map<Long, Call> calls = new ConcurrentHashMap<>();
    private final AtomicLong offers = new AtomicLong();
    private final AtomicLong reoffers = new AtomicLong();
    private final AtomicLong acceptsSent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong acceptErrors = new AtomicLong();

    private Call call(final long callId)
    {
        return calls.computeIfAbsent(callId, (id) -> new Call());
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void stepEnded(final long callId, final Step step, final long endNanos, final long nanos)
    {
        if (Step.QUALIFIED_TO_CLOSER_INVITE == step)
        {
            final Call call = call(callId);
            if (0 == call.inviteNanos)
            {
                call.inviteNanos = endNanos;
            }
        }
        else if (Step.CLOSER_ANSWER_TO_BRIEFING == step)
        {
            final Call call = call(callId);
            if (0 == call.briefingNanos)
            {
                call.briefingNanos = endNanos;
            }
        }
        else if (Step.ACCEPT_TO_BRIDGE == step)
        {
            final Call call = call(callId);
            call.bridgeStepNanos = nanos;
            call.bridgeNanos = endNanos;
        }
    }

    /**
     * A screen pop reached a closer's console.
     *
     * @param callId        the call.
     * @param closerId      the closer.
     * @param receivedNanos when its data arrived.
     * @return true for the call's first offer.
     */
    boolean popped(final long callId, final String closerId, final long receivedNanos)
    {
        offers.incrementAndGet();
        final Call call = call(callId);
        synchronized (call)
        {
            if (0 != call.popNanos)
            {
                reoffers.incrementAndGet();
                return false;
            }
            call.closerId = closerId;
            call.popNanos = receivedNanos;
            return true;
        }
    }

    /**
     * The console sends Accept.
     *
     * @param callId    the call.
     * @param sentNanos when, just before the request went to the HTTP client.
     */
    void acceptSent(final long callId, final long sentNanos)
    {
        acceptsSent.incrementAndGet();
        final Call call = call(callId);
        call.tries++;
        call.acceptSentNanos = sentNanos;
    }

    /**
     * The console had the answer to its Accept.
     *
     * @param callId        the call.
     * @param status        the HTTP status (200 accepted, 409 not being briefed), 0 for no answer.
     * @param answeredNanos when.
     */
    void acceptAnswered(final long callId, final int status, final long answeredNanos)
    {
        if (200 == status)
        {
            accepted.incrementAndGet();
            call(callId).acceptAnsweredNanos = answeredNanos;
        }
        else if (409 == status)
        {
            refused.incrementAndGet();
        }
        else
        {
            acceptErrors.incrementAndGet();
        }
    }

    /**
     * @return a line of counts for the once-a-second print.
     */
    String line()
    {
        return String.format(Locale.ROOT, "pops %d accepts sent %d ok %d refused %d", offers.get(),
            acceptsSent.get(), accepted.get(), refused.get());
    }

    /**
     * Prints the figures over the calls whose screen pop arrived in the measured window.
     *
     * @param inWindow whether a moment is in the measured window.
     */
    void print(final LongPredicate inWindow)
    {
        final long[] popFirst = new long[calls.size()];
        final long[] afterInvite = new long[calls.size()];
        int pairs = 0;
        int before = 0;
        int invites = 0;
        final Histogram clickToBridge = histogram();
        final Histogram engineStep = histogram();
        final Histogram toController = histogram();
        final Histogram acceptAnswer = histogram();
        int counted = 0;
        int firstTry = 0;
        for (final Call call : calls.values())
        {
            if (0 == call.popNanos || !inWindow.test(call.popNanos))
            {
                continue;
            }
            counted++;
            if (0 != call.inviteNanos)
            {
                afterInvite[invites++] = call.popNanos - call.inviteNanos;
            }
            if (0 != call.briefingNanos)
            {
                final long lead = call.briefingNanos - call.popNanos;
                popFirst[pairs++] = lead;
                before += lead > 0 ? 1 : 0;
            }
            if (0 != call.bridgeNanos && 0 != call.acceptSentNanos && call.bridgeNanos > call.acceptSentNanos)
            {
                firstTry += 1 == call.tries ? 1 : 0;
                record(clickToBridge, call.bridgeNanos - call.acceptSentNanos);
                record(engineStep, call.bridgeStepNanos);
                record(toController, call.bridgeNanos - call.bridgeStepNanos - call.acceptSentNanos);
                if (0 != call.acceptAnsweredNanos)
                {
                    record(acceptAnswer, call.acceptAnsweredNanos - call.acceptSentNanos);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n=== the server: screen pops and Accept (calls whose pop arrived in the " +
            "measured window: %d; all offers %d, offered again %d; accepts sent %d: 200 %d, 409 %d, other %d) ===%n",
            counted, offers.get(), reoffers.get(), acceptsSent.get(), accepted.get(), refused.get(),
            acceptErrors.get());
        final long[] leads = Arrays.copyOf(popFirst, pairs);
        Arrays.sort(leads);
        System.out.printf(Locale.ROOT, "screen pop (SSE client receives the offer) -> briefing starts on the " +
            "closer's leg, ms (positive: the pop came first), n=%d:%n  p1 %.2f  p10 %.2f  p50 %.2f  p90 %.2f  " +
            "p99 %.2f  min %.2f  max %.2f%n  the pop arrived first in %d of %d (%.2f %%)%n", pairs,
            ms(at(leads, 1)), ms(at(leads, 10)), ms(at(leads, 50)), ms(at(leads, 90)), ms(at(leads, 99)),
            ms(pairs > 0 ? leads[0] : 0), ms(pairs > 0 ? leads[pairs - 1] : 0), before, pairs,
            pairs > 0 ? 100.0 * before / pairs : 0);
        final long[] delivery = Arrays.copyOf(afterInvite, invites);
        Arrays.sort(delivery);
        System.out.printf(Locale.ROOT, "closer's INVITE sent (QUALIFIED_TO_CLOSER_INVITE's end; the offer is made " +
            "just before the dial) -> screen pop received, ms, n=%d:%n  p1 %.2f  p50 %.2f  p90 %.2f  p99 %.2f  " +
            "max %.2f%n", invites, ms(at(delivery, 1)), ms(at(delivery, 50)), ms(at(delivery, 90)),
            ms(at(delivery, 99)), ms(invites > 0 ? delivery[invites - 1] : 0));
        System.out.printf(Locale.ROOT, "click Accept -> bridge, ms (%d calls bridged, %d on the first Accept):%n",
            clickToBridge.getTotalCount(), firstTry);
        LoadReport.printHistogram("POST accept sent -> bridged", clickToBridge);
        LoadReport.printHistogram("  of which HTTP -> controller", toController);
        LoadReport.printHistogram("  of which ACCEPT_TO_BRIDGE", engineStep);
        LoadReport.printHistogram("POST accept -> its 200 answer", acceptAnswer);
    }

    private static Histogram histogram()
    {
        return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    }

    private static void record(final Histogram h, final long nanos)
    {
        h.recordValue(Math.max(0, Math.min(nanos, h.getHighestTrackableValue())));
    }

    private static long at(final long[] sorted, final double percentile)
    {
        if (0 == sorted.length)
        {
            return 0;
        }
        final int index = (int)Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(final long nanos)
    {
        return nanos / 1e6;
    }
}
