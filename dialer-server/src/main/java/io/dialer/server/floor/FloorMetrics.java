/*
 * Dialer server.
 */
package io.dialer.server.floor;

import java.util.Map;
import java.util.TreeMap;

import io.dialer.core.compliance.Disposition;
import io.dialer.core.engine.CampaignState;
import io.dialer.core.engine.EngineStats;
import io.dialer.core.engine.LatencyBuckets;
import io.dialer.core.engine.LiveState;
import io.dialer.core.engine.RunningCampaign;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Step;
import io.dialer.detection.Verdict;
import io.dialer.sip.SipStack;
import io.dialer.transfer.TransferOutcome;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The dialer's metrics, read at each scrape from the engine's counters (written by the controller with ordered
 * stores, read here without locks): per campaign, calls by disposition, verdict, transfer outcome and closer attempt
 * result, dials, lines in flight and callers waiting; closers by state; each step's latency as a histogram with fixed
 * buckets (the same on every server, so they add up); the media threads' lag.
 */
final class FloorMetrics implements MultiCollector
{
    private static final double[] BOUNDS;

    static
    {
        final double[] bounds = LatencyBuckets.bounds();
        BOUNDS = java.util.Arrays.copyOf(bounds, bounds.length + 1);
        BOUNDS[bounds.length] = Double.POSITIVE_INFINITY;
    }

    private final Floor floor;

    FloorMetrics(final Floor floor)
    {
        this.floor = floor;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public MetricSnapshots collect()
    {
        final LiveState state = floor.engine().control().state();
        final CounterSnapshot.Builder dispositions = CounterSnapshot.builder().name("dialer_calls")
            .help("Calls ended, by campaign and disposition");
        final CounterSnapshot.Builder verdicts = CounterSnapshot.builder().name("dialer_verdicts")
            .help("Answered calls by the detector's first verdict");
        final CounterSnapshot.Builder transfers = CounterSnapshot.builder().name("dialer_transfers")
            .help("Warm transfers ended, by outcome");
        final CounterSnapshot.Builder attempts = CounterSnapshot.builder().name("dialer_closer_attempts")
            .help("Closer attempts of warm transfers, by result");
        final CounterSnapshot.Builder dials = CounterSnapshot.builder().name("dialer_dials")
            .help("Leads dialed");
        final GaugeSnapshot.Builder lines = GaugeSnapshot.builder().name("dialer_lines_in_flight")
            .help("Calls up (a lead leg or closer legs)");
        final GaugeSnapshot.Builder waiting = GaugeSnapshot.builder().name("dialer_callers_waiting")
            .help("Qualified callers on hold waiting for a closer");
        final GaugeSnapshot.Builder abandonment = GaugeSnapshot.builder().name("dialer_abandonment")
            .help("The abandonment ledger over the rule's window: rate (abandoned / answered by a person), budget " +
                "(abandons left at the target), abandoned, human_answered, hold_abandons, false_machines");
        final HistogramSnapshot.Builder latency = HistogramSnapshot.builder().name("dialer_step_latency_seconds")
            .help("Latency of each step of a call, by campaign");
        for (final Map.Entry<String, Floor.Running> entry : floor.running().entrySet())
        {
            final RunningCampaign handle = entry.getValue().handle();
            final String campaign = handle.name();
            final EngineStats stats = handle.stats();
            for (final Disposition d : Disposition.values())
            {
                dispositions.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(Labels.of("campaign", campaign, "disposition", d.name())).value(stats.count(d)).build());
            }
            for (final Verdict v : Verdict.values())
            {
                verdicts.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(Labels.of("campaign", campaign, "verdict", v.name())).value(stats.count(v)).build());
            }
            for (final TransferOutcome o : TransferOutcome.values())
            {
                transfers.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(Labels.of("campaign", campaign, "outcome", o.name())).value(stats.count(o)).build());
            }
            for (final CloserResult r : CloserResult.values())
            {
                attempts.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(Labels.of("campaign", campaign, "result", r.name())).value(stats.count(r)).build());
            }
            dials.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                .labels(Labels.of("campaign", campaign)).value(stats.dialed()).build());
            final CampaignState live = state.campaign(handle.id());
            lines.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(Labels.of("campaign", campaign))
                .value(null == live ? 0 : live.live()).build());
            waiting.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(Labels.of("campaign", campaign))
                .value(null == live ? 0 : live.callersWaiting()).build());
            if (null != live)
            {
                abandonment(abandonment, campaign, live);
            }
            for (final Step step : Step.values())
            {
                latency.dataPoint(histogram(campaign, step, handle.buckets(step)));
            }
        }
        final Map<String, Integer> byState = new TreeMap<>();
        for (final String closerState : new String[]{"LOGGED_OUT", "AVAILABLE", "DIALING", "RINGING", "BRIEFING",
            "ON_CALL", "WRAP_UP", "PAUSED"})
        {
            byState.put(closerState, 0);
        }
        for (final LiveState.CloserView closer : state.closers())
        {
            byState.merge(closer.state(), 1, Integer::sum);
        }
        final GaugeSnapshot.Builder closers = GaugeSnapshot.builder().name("dialer_closers")
            .help("Closers on the floor by state");
        byState.forEach((name, count) -> closers.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
            .labels(Labels.of("state", name)).value(count).build()));
        long framesLate = 0;
        for (final SipStack stack : floor.context().stacks())
        {
            framesLate += stack.mediaFramesSkipped();
        }
        return MetricSnapshots.of(dispositions.build(), verdicts.build(), transfers.build(), attempts.build(),
            dials.build(), lines.build(), waiting.build(), abandonment.build(), closers.build(), latency.build(),
            CounterSnapshot.builder().name("dialer_media_frames_late")
                .help("Media frames the media threads sent too late (skipped): they fell behind")
                .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(framesLate).build()).build(),
            CounterSnapshot.builder().name("dialer_admission_holds")
                .help("Times new dials were held because the media threads fell behind")
                .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .value(floor.engine().stats().mediaHolds()).build()).build());
    }

    private static void abandonment(final GaugeSnapshot.Builder gauge, final String campaign, final CampaignState live)
    {
        final String[] names = {"rate", "budget", "abandoned", "human_answered", "hold_abandons", "false_machines"};
        final double[] values = {live.abandonRate(), live.abandonBudget(), live.abandoned(), live.humanAnswered(),
            live.holdAbandons(), live.falseMachines()};
        for (int i = 0; i < names.length; i++)
        {
            gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(Labels.of("campaign", campaign, "figure", names[i])).value(values[i]).build());
        }
    }

    private static HistogramSnapshot.HistogramDataPointSnapshot histogram(
        final String campaign, final Step step, final LatencyBuckets buckets)
    {
        final long[] counts = new long[BOUNDS.length];
        long previous = 0;
        for (int i = 0; i < BOUNDS.length; i++)
        {
            final long cumulative = buckets.cumulative(i);
            counts[i] = cumulative - previous;
            previous = cumulative;
        }
        return HistogramSnapshot.HistogramDataPointSnapshot.builder()
            .labels(Labels.of("campaign", campaign, "step", step.name().toLowerCase(java.util.Locale.ROOT)))
            .classicHistogramBuckets(ClassicHistogramBuckets.of(BOUNDS, counts))
            .sum(buckets.sumSeconds())
            .build();
    }
}
