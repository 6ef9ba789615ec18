/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.dialer.core.engine.EngineStats;

/**
 * Watches a campaign load run until its campaign finishes: once a second it prints the campaign's counters and both
 * SIPps'; every 100 ms it samples the live calls; it takes the {@link LoadSnapshot}s of the measured window, from the
 * end of the warm-up ({@code --warmup-s}) to the moment every lead was dialed, with the calls dialed in it, and the
 * {@link CallCost} of that window.
 */
final class LoadMonitor
{
    private final LoadOptions options;
    private final List<SippProcess> sipps;
    private static final List<String> SIPP_NAMES = List.of("SIPp carrier", "SIPp closers");

    LoadSnapshot start;
    CallCost cost;
    LoadSnapshot before;
    LoadSnapshot after;
    long beforeNs;
    long afterNs;
    long dialedBefore;
    long dialedAfter;
    long peakLive;
    long liveSum;
    long liveSamples;
    private long allLiveSum;
    private long allLiveSamples;
    private long startNs;
    private EngineStats stats;

    LoadMonitor(final LoadOptions options, final List<SippProcess> sipps)
    {
        this.options = options;
        this.sipps = sipps;
    }

    /**
     * Watches until the campaign finishes or {@code --max-seconds} pass.
     *
     * @param campaign the campaign's counters.
     * @param finished whether it finished.
     * @param extra    more to print on each second's line (after the SIPps'), or null.
     * @return true when it finished, false at the time limit.
     */
    boolean watch(final EngineStats campaign, final BooleanSupplier finished, final Supplier<String> extra)
    {
        stats = campaign;
        final SippProcess carrier = sipps.get(0);
        final SippProcess closers = sipps.get(1);
        start = LoadSnapshot.take(sipps);
        startNs = System.nanoTime();
        final long deadlineNs = startNs + TimeUnit.SECONDS.toNanos(options.maxSeconds);
        final long warmupNs = startNs + TimeUnit.SECONDS.toNanos(options.warmupS);
        long nextReportNs = startNs + TimeUnit.SECONDS.toNanos(1);
        long nextSampleNs = startNs;
        long lastDialed = 0;
        while (!finished.getAsBoolean())
        {
            final long now = System.nanoTime();
            if (now > deadlineNs)
            {
                return false;
            }
            if (now >= nextSampleNs)
            {
                final long live = stats.live();
                peakLive = Math.max(peakLive, live);
                allLiveSum += live;
                allLiveSamples++;
                if (null != before && null == after)
                {
                    liveSum += live;
                    liveSamples++;
                }
                nextSampleNs += TimeUnit.MILLISECONDS.toNanos(100);
            }
            if (null == before && now >= warmupNs)
            {
                cost = CallCost.open(sipps, SIPP_NAMES);
                before = cost.before();
                beforeNs = now;
                dialedBefore = stats.dialed();
            }
            if (null != before && null == after && stats.dialed() >= options.leads)
            {
                cost.close();
                after = cost.after();
                afterNs = now;
                dialedAfter = stats.dialed();
            }
            if (now >= nextReportNs)
            {
                final long dialed = stats.dialed();
                final Map<String, String> c = carrier.stats();
                final Map<String, String> k = closers.stats();
                System.out.printf(Locale.ROOT,
                    "t=%3ds dialed=%d (+%d/s) live=%d qualified=%d bridged=%d waiting=%d done=%d | " +
                    "carrier in=%s cur=%s ok=%s failed=%s retrans=%s | closers in=%s cur=%s ok=%s failed=%s | " +
                    "heap=%dM%s%n",
                    TimeUnit.NANOSECONDS.toSeconds(now - startNs), dialed, dialed - lastDialed, stats.live(),
                    stats.qualified(), stats.bridged(), stats.waiting(), stats.leadsDone(),
                    c.get("IncomingCall(C)"), c.get("CurrentCall"), c.get("SuccessfulCall(C)"),
                    c.get("FailedCall(C)"), c.get("Retransmissions(C)"),
                    k.get("IncomingCall(C)"), k.get("CurrentCall"), k.get("SuccessfulCall(C)"),
                    k.get("FailedCall(C)"),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                    null == extra ? "" : " | " + extra.get());
                lastDialed = dialed;
                nextReportNs += TimeUnit.SECONDS.toNanos(1);
            }
            LockSupport.parkNanos(Math.max(1, Math.min(nextSampleNs, nextReportNs) - System.nanoTime()));
        }
        return true;
    }

    /**
     * @param nowNs a moment, {@link System#nanoTime()}.
     * @return true when it is inside the measured window (after the warm-up, before the last dial).
     */
    boolean inWindow(final long nowNs)
    {
        return null != before && nowNs >= beforeNs && (null == after || nowNs <= afterNs);
    }

    /**
     * Ends the measured window if dialing never ended in it; a window under a second (all dialed during the
     * warm-up) becomes the whole run.
     */
    void closeWindow()
    {
        if (null == before || null == after || afterNs - beforeNs < TimeUnit.SECONDS.toNanos(1))
        {
            System.out.println("measured window: the whole run (dialing did not outlast the warm-up)");
            if (null != cost)
            {
                cost.close();
            }
            cost = CallCost.since(sipps, SIPP_NAMES, start, startNs);
            cost.close();
            before = start;
            beforeNs = startNs;
            dialedBefore = 0;
            after = cost.after();
            afterNs = System.nanoTime();
            dialedAfter = null == stats ? 0 : stats.dialed();
            liveSum = allLiveSum;
            liveSamples = allLiveSamples;
        }
    }
}
