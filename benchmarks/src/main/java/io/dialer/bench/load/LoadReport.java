/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.dialer.core.engine.RunningCampaign;
import io.dialer.core.journal.Journal;
import io.dialer.core.journal.Step;
import io.dialer.core.report.CampaignReport;
import io.dialer.core.report.ReportBuilder;
import org.HdrHistogram.Histogram;

/**
 * The end of a campaign load run: the sustained rate and live calls, the report rebuilt from the journal, every lead
 * checked against its kind ({@link LeadCheck}), both SIPps' counts, the step latencies, and CPU (JVM in all and per
 * thread group, each SIPp), the cost per call dialed ({@link CallCost}), the media threads' CPU per call-second, GC
 * and UDP drops over the measured window.
 */
final class LoadReport
{
    private LoadReport()
    {
    }

    /**
     * Prints the report.
     *
     * @param options     the run's options.
     * @param campaign    the campaign (its latency histograms: read once it finished).
     * @param journalDir  its journal.
     * @param load        its leads and their kinds.
     * @param monitor     the measured window.
     * @param finished    whether it finished before {@code --max-seconds}.
     * @param carrierExit the carrier SIPp's exit code.
     * @param closersExit the closers SIPp's exit code.
     * @param sipps       the carrier's and the closers' SIPp.
     * @return true when it passed: it finished, both SIPps counted 0 failed calls and every lead matches its kind.
     */
    static boolean print(
        final LoadOptions options, final RunningCampaign campaign, final Path journalDir, final LoadCampaign load,
        final LoadMonitor monitor, final boolean finished, final int carrierExit, final int closersExit,
        final List<SippProcess> sipps)
    {
        monitor.closeWindow();
        final ReportBuilder builder = new ReportBuilder();
        Journal.replay(journalDir, builder);
        final CampaignReport report = builder.report();
        final LeadCheck check = new LeadCheck(load.leads());
        Journal.replay(journalDir, check);

        System.out.printf(Locale.ROOT, "%n=== result ===%n%s%n", options);
        System.out.printf(Locale.ROOT, "leads %d by kind: %s; campaign %s%n", options.leads, load.kinds(),
            finished ? "finished" : "NOT FINISHED (max-seconds)");
        final double[] rate = check.sustainedRate(TimeUnit.SECONDS.toMillis(options.warmupS));
        System.out.printf(Locale.ROOT,
            "sustained setups/s (answered, journal, after %d s warm-up until the last dial): %.1f over %.1f s " +
            "(%d answers); first answer to last answer %.1f s%n",
            options.warmupS, rate[0], rate[1], (long)rate[2], rate[3]);
        final double windowS = (monitor.afterNs - monitor.beforeNs) / 1e9;
        System.out.printf(Locale.ROOT, "live calls (EngineStats.live, 100 ms samples): peak %d, average %.0f over " +
            "the %.1f s measured window%n", monitor.peakLive,
            monitor.liveSamples > 0 ? (double)monitor.liveSum / monitor.liveSamples : 0, windowS);
        System.out.printf(Locale.ROOT, "calls %d, answered %d, qualified %d, dispositions %s%n",
            report.calls(), report.answered(), report.qualified(), report.dispositions());
        System.out.printf(Locale.ROOT, "verdicts %s (%d of %d answered), causes %s%n", report.verdicts(),
            report.verdicts().values().stream().mapToLong(Long::longValue).sum(), report.answered(), report.causes());
        System.out.printf(Locale.ROOT, "closer attempts %s, transfers %s%n", report.closerAttempts(),
            report.transfers());
        final boolean leadsOk = check.print();

        final Map<String, String> c = sipps.get(0).stats();
        final Map<String, String> k = sipps.get(1).stats();
        System.out.printf(Locale.ROOT, "SIPp carrier: exit %d, calls %s, successful %s, failed %s, " +
            "retransmissions %s, unexpected %s%n", carrierExit, c.get("IncomingCall(C)"), c.get("SuccessfulCall(C)"),
            c.get("FailedCall(C)"), c.get("Retransmissions(C)"), c.get("FailedUnexpectedMessage(C)"));
        System.out.printf(Locale.ROOT, "SIPp closers: exit %d, calls %s, successful %s, failed %s, " +
            "retransmissions %s, unexpected %s%n", closersExit, k.get("IncomingCall(C)"), k.get("SuccessfulCall(C)"),
            k.get("FailedCall(C)"), k.get("Retransmissions(C)"), k.get("FailedUnexpectedMessage(C)"));

        System.out.printf(Locale.ROOT, "step latencies, ms (controller, HdrHistogram):%n");
        for (final Step step : Step.values())
        {
            printHistogram(step.toString(), campaign.latency(step));
        }

        final LoadSnapshot before = monitor.before;
        final LoadSnapshot after = monitor.after;
        final long wallNs = Math.max(1, monitor.afterNs - monitor.beforeNs);
        final long jvmNs = after.jvmCpuNs() - before.jvmCpuNs();
        final long carrierNs = after.sippCpuNs(0) - before.sippCpuNs(0);
        final long closersNs = after.sippCpuNs(1) - before.sippCpuNs(1);
        System.out.printf(Locale.ROOT, "CPU over the measured window (%.1f s, 2 cores = 200%%): JVM %.0f%%, " +
            "SIPp carrier %.0f%%, SIPp closers %.0f%%%n", wallNs / 1e9, percent(jvmNs, wallNs),
            percent(carrierNs, wallNs), percent(closersNs, wallNs));
        final long calls = monitor.dialedAfter - monitor.dialedBefore;
        monitor.cost.print(calls, "calls dialed");
        System.out.printf(Locale.ROOT, "JVM CPU per SIPp CPU %.2f%n",
            carrierNs + closersNs > 0 ? (double)jvmNs / (carrierNs + closersNs) : 0);
        printMediaCost(after.threadGroupsMinus(before), monitor);
        System.out.printf(Locale.ROOT, "UDP datagrams dropped on full receive buffers (whole host): %d; per local " +
            "port: %s (carrier SIP %d RTP %s, closers SIP %d RTP %s)%n",
            after.udpReceiveBufferErrors() - before.udpReceiveBufferErrors(), after.socketDropsMinus(before),
            sipps.get(0).port(), mediaPort(sipps.get(0)), sipps.get(1).port(), mediaPort(sipps.get(1)));
        System.out.printf(Locale.ROOT, "JVM CPU by thread group:%n");
        after.threadGroupsMinus(before).entrySet().stream()
            .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
            .limit(16)
            .forEach((e) -> System.out.printf(
                Locale.ROOT, "  %-40s %5.0f%%%n", e.getKey(), percent(e.getValue(), wallNs)));

        // with no qualified lead the closers' SIPp never reaches its call count and is stopped: judged on its counts
        final boolean sippOk = 0 == carrierExit && (0 == closersExit || 0 == load.qualified()) &&
            "0".equals(c.get("FailedCall(C)")) && "0".equals(k.get("FailedCall(C)"));
        return finished && sippOk && leadsOk;
    }

    /**
     * One line of percentiles, ms.
     *
     * @param name what was measured.
     * @param h    its histogram, ns.
     */
    static void printHistogram(final String name, final Histogram h)
    {
        System.out.printf(Locale.ROOT, "  %-30s p50 %8.2f  p90 %8.2f  p99 %8.2f  p99.9 %8.2f  max %8.2f  n=%d%n",
            name, ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
            ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), h.getTotalCount());
    }

    static double percent(final long cpuNs, final long wallNs)
    {
        return wallNs > 0 ? 100.0 * cpuNs / wallNs : 0;
    }

    /**
     * CPU per call-second, the JVM's and the media threads': their CPU over the window divided by the seconds of
     * calls live in it (the 100 ms samples of the live calls, averaged, times the window).
     */
    private static void printMediaCost(final Map<String, Long> groups, final LoadMonitor monitor)
    {
        long mediaNs = 0;
        for (final Map.Entry<String, Long> e : groups.entrySet())
        {
            if (e.getKey().startsWith("media"))
            {
                mediaNs += e.getValue();
            }
        }
        final double windowS = (monitor.afterNs - monitor.beforeNs) / 1e9;
        final double callSeconds =
            monitor.liveSamples > 0 ? (double)monitor.liveSum / monitor.liveSamples * windowS : 0;
        final long jvmNs = monitor.after.jvmCpuNs() - monitor.before.jvmCpuNs();
        System.out.printf(Locale.ROOT, "CPU per call-second (%.0f call-seconds live in the window): JVM %.1f us, " +
            "of it the media threads %.1f us%n", callSeconds, callSeconds > 0 ? jvmNs / 1e3 / callSeconds : 0,
            callSeconds > 0 ? mediaNs / 1e3 / callSeconds : 0);
    }

    private static double ms(final long nanos)
    {
        return nanos / 1e6;
    }

    private static String mediaPort(final SippProcess sipp)
    {
        final int at = sipp.command().indexOf("-mp");
        return at < 0 ? "?" : sipp.command().get(at + 1);
    }
}
