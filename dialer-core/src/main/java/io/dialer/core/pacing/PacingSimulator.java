/*
 * Dialer core: pacing.
 */
package io.dialer.core.pacing;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import io.dialer.core.compliance.ProgressivePacer;

/**
 * A deterministic discrete-event simulation of a two-stage campaign (dial, detection, script, hold, closer) over a
 * {@link Population}, with its own clock, driving a real pacer: the {@link PredictivePacer} or a {@link
 * ProgressivePacer} (fixed ratio). Every lead's fate (answered, person or machine, detector's error, qualified, its
 * times and patience) comes from a random stream seeded by the seed and the lead's index, so every pacer meets the
 * same people in the same order on the same seed. The pacer decides every {@value #TICK_MS} ms of simulated time.
 * <p>
 * Closers take the longest-waiting caller; a caller on hold hangs up when its patience runs out or is dropped at the
 * population's {@code max_hold}, both counted as abandoned. The hold measured is from qualification to a closer being
 * offered the caller (the closer's dial and briefing follow in every warm transfer and are counted as the closer's
 * work, not as hold). Closers pausing or leaving finish their call first.
 */
public final class PacingSimulator
{
    /**
     * How often the pacer decides, simulated ms.
     */
    public static final long TICK_MS = 100;

    /**
     * The pacers compared.
     */
    public enum Pacing
    {
        /**
         * {@link PredictivePacer} with the population's pacing settings.
         */
        PREDICTIVE("predictive", 0),
        /**
         * Fixed ratio 2.0: lines = 2 × available closers (VICIdial's RATIO mode).
         */
        RATIO_2("ratio 2.0", 2.0),
        /**
         * Fixed ratio 3.0.
         */
        RATIO_3("ratio 3.0", 3.0),
        /**
         * Progressive: one line per available closer.
         */
        PROGRESSIVE_1("progressive 1.0", 1.0);

        private final String label;
        private final double ratio;

        Pacing(final String label, final double ratio)
        {
            this.label = label;
            this.ratio = ratio;
        }

        /**
         * @return the name the report shows.
         */
        public String label()
        {
            return label;
        }
    }

    /**
     * Told of every decision (for tests and traces).
     */
    @FunctionalInterface
    public interface Observer
    {
        /**
         * One decision.
         *
         * @param nowMs     simulated time.
         * @param target    the target lines.
         * @param dialed    the lines dialed now.
         * @param inFlight  the lines in flight after the dials.
         * @param onFloor   closers logged in and not paused (nor pausing or leaving after their call).
         * @param available closers free now.
         * @param waiting   callers on hold.
         * @param reason    the predictive pacer's reason, or null for the baselines.
         */
        void decided(long nowMs, int target, int dialed, int inFlight, int onFloor, int available, int waiting,
            PacingReason reason);
    }

    /**
     * A run's figures.
     *
     * @param pacing           which pacer.
     * @param label            its name in reports ({@code ratio 5.0} for a ratio of a sweep).
     * @param dials            lines dialed.
     * @param humans           people answered (the detector's false machines included).
     * @param falseMachines    people the detector called machine (dropped; counted apart, not as abandons).
     * @param qualified        qualified callers.
     * @param bridged          callers a closer took.
     * @param holdHangUps      callers who hung up on hold.
     * @param holdDrops        callers dropped at the maximum hold.
     * @param abandonRate      (hang-ups + drops) / people answered.
     * @param utilisation      closers' briefing and talk time / their time logged in and not paused.
     * @param holdP50Ms        qualified callers' hold, median (callers who abandoned count with their hold).
     * @param holdP95Ms        qualified callers' hold, 95th percentile.
     * @param holdP99Ms        qualified callers' hold, 99th percentile.
     * @param holdMaxMs        the longest hold.
     * @param waitedShare      the share of qualified callers who found no closer free (held at all).
     * @param callsPerCloserHour bridged calls per closer-hour logged in and not paused.
     * @param dialsWithNoCloser dials made while no closer was on the floor.
     * @param maxLinesPerCloser the most lines in flight per closer on the floor just after a dial.
     */
    public record Result(
        Pacing pacing, String label, long dials, long humans, long falseMachines, long qualified, long bridged,
        long holdHangUps, long holdDrops, double abandonRate, double utilisation, long holdP50Ms, long holdP95Ms,
        long holdP99Ms, long holdMaxMs, double waitedShare, double callsPerCloserHour, long dialsWithNoCloser,
        double maxLinesPerCloser)
    {
    }

    private static final int RINGING = 0;
    private static final int DETECTING = 1;
    private static final int SCRIPTING = 2;
    private static final int WAITING = 3;
    private static final int WITH_CLOSER = 4;
    private static final int DONE = 5;

    private static final int AVAILABLE = 0;
    private static final int BRIEFING = 1;
    private static final int TALKING = 2;
    private static final int WRAPPING = 3;
    private static final int PAUSED = 4;
    private static final int OFFLINE = 5;

    private static final int RING_END = 0;
    private static final int VERDICT = 1;
    private static final int SCRIPT_END = 2;
    private static final int HOLD_END = 3;
    private static final int BRIEF_END = 4;
    private static final int TALK_END = 5;
    private static final int WRAP_END = 6;

    private final Population population;
    private final Pacing pacing;
    private final String label;
    private final long seed;
    private final Observer observer;
    private final PredictivePacer predictive;
    private final ProgressivePacer progressive;
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final ArrayDeque<Call> waitingCallers = new ArrayDeque<>();
    private final Closer[] closers;
    private long[] holds = new long[1024];
    private int holdCount;
    private long sequence;
    private long nowMs;
    private int nextLead;
    private int ringing;
    private int detecting;
    private int scripting;
    private long dials;
    private long humans;
    private long detectedHumans;
    private long falseMachines;
    private long qualified;
    private long bridged;
    private long hangUps;
    private long drops;
    private long floorMs;
    private long busyMs;
    private long dialsWithNoCloser;
    private double maxLinesPerCloser;

    /**
     * A simulation.
     *
     * @param population the population.
     * @param pacing     the pacer to drive.
     * @param seed       the seed.
     * @param observer   told of every decision, or null.
     */
    public PacingSimulator(
        final Population population, final Pacing pacing, final long seed, final Observer observer)
    {
        this(population, pacing, pacing.ratio, pacing.label, seed, observer);
    }

    /**
     * A simulation of a fixed ratio: lines = ratio × available closers.
     *
     * @param population the population.
     * @param ratio      lines per available closer, above 0.
     * @param seed       the seed.
     * @return the simulation.
     */
    public static PacingSimulator fixedRatio(final Population population, final double ratio, final long seed)
    {
        return new PacingSimulator(population, Pacing.RATIO_2, ratio,
            String.format(Locale.ROOT, "ratio %.1f", ratio), seed, null);
    }

    private PacingSimulator(
        final Population population, final Pacing pacing, final double ratio, final String label, final long seed,
        final Observer observer)
    {
        this.population = population;
        this.pacing = pacing;
        this.label = label;
        this.seed = seed;
        this.observer = observer;
        predictive = Pacing.PREDICTIVE == pacing ? new PredictivePacer(population.targetAbandonRate,
            population.maxLinesPerCloser, population.minCallsBeforePredicting) : null;
        progressive = Pacing.PREDICTIVE == pacing ? null : new ProgressivePacer(ratio, 1_000_000);
        closers = new Closer[population.closers];
        for (int i = 0; i < closers.length; i++)
        {
            closers[i] = new Closer(i, new SplittableRandom(mix(seed, -1 - i)));
        }
    }

    /**
     * Runs the four pacers on one population and seed.
     *
     * @param population the population.
     * @param seed       the seed.
     * @return one result per pacer, predictive first.
     */
    public static Result[] compare(final Population population, final long seed)
    {
        final Pacing[] all = Pacing.values();
        final Result[] results = new Result[all.length];
        for (int i = 0; i < all.length; i++)
        {
            results[i] = new PacingSimulator(population, all[i], seed, null).run();
        }
        return results;
    }

    /**
     * @return the predictive pacer driven, or null for a baseline.
     */
    public PredictivePacer predictivePacer()
    {
        return predictive;
    }

    /**
     * Runs the simulation to the population's run length.
     *
     * @return its figures.
     */
    public Result run()
    {
        int nextFloorEvent = 0;
        final long end = population.runMs;
        for (long tick = 0; tick < end; tick += TICK_MS)
        {
            while (!queue.isEmpty() && queue.peek().atMs <= tick)
            {
                final Event event = queue.poll();
                nowMs = event.atMs;
                handle(event);
            }
            nowMs = tick;
            while (nextFloorEvent < population.events.size() && population.events.get(nextFloorEvent).atMs() <= tick)
            {
                floorEvent(population.events.get(nextFloorEvent++));
            }
            pace();
            account();
        }
        return result();
    }

    private void account()
    {
        for (final Closer c : closers)
        {
            if (PAUSED != c.state && OFFLINE != c.state)
            {
                floorMs += TICK_MS;
                if (BRIEFING == c.state || TALKING == c.state)
                {
                    busyMs += TICK_MS;
                }
            }
        }
    }

    private void pace()
    {
        int onFloor = 0;
        int available = 0;
        for (final Closer c : closers)
        {
            if (PAUSED != c.state && OFFLINE != c.state && !c.pendingPause && !c.pendingLeave)
            {
                onFloor++;
                if (AVAILABLE == c.state)
                {
                    available++;
                }
            }
        }
        final int waiting = waitingCallers.size();
        final int inFlight = ringing + detecting + scripting;
        final int target;
        if (null != predictive)
        {
            predictive.beginFloor(nowMs);
            for (final Closer c : closers)
            {
                if (c.pendingPause || c.pendingLeave)
                {
                    continue;
                }
                final long elapsed = nowMs - c.sinceMs;
                switch (c.state)
                {
                    case BRIEFING -> predictive.closerBriefing(elapsed);
                    case TALKING -> predictive.closerTalking(elapsed);
                    case WRAPPING -> predictive.closerWrapping(elapsed);
                    default ->
                    {
                    }
                }
            }
            target = predictive.decide(nowMs, onFloor, available, waiting, ringing, detecting, scripting,
                hangUps + drops, detectedHumans);
        }
        else
        {
            target = progressive.targetLines(available, available);
        }
        for (int i = inFlight; i < target; i++)
        {
            dial();
            if (0 == onFloor)
            {
                dialsWithNoCloser++;
            }
            else
            {
                maxLinesPerCloser = Math.max(maxLinesPerCloser, (double)(ringing + detecting + scripting) / onFloor);
            }
        }
        if (null != observer)
        {
            observer.decided(nowMs, target, Math.max(0, target - inFlight), ringing + detecting + scripting, onFloor,
                available, waiting, null == predictive ? null : predictive.reason());
        }
    }

    private void dial()
    {
        final Call call = new Call(nextLead++, new SplittableRandom(mix(seed, nextLead)), population);
        call.dialMs = nowMs;
        call.phase = RINGING;
        ringing++;
        dials++;
        schedule(nowMs + (call.answered ? call.ringMs : call.noAnswerMs), RING_END, call, null);
    }

    private void handle(final Event event)
    {
        final Call call = event.call;
        final Closer closer = event.closer;
        switch (event.type)
        {
            case RING_END -> ringEnded(call);
            case VERDICT -> verdict(call);
            case SCRIPT_END -> scriptEnded(call);
            case HOLD_END -> holdEnded(call);
            case BRIEF_END ->
            {
                if (null != predictive)
                {
                    predictive.briefed(nowMs, nowMs - closer.sinceMs);
                }
                bridged++;
                closer.state = TALKING;
                closer.sinceMs = nowMs;
                schedule(nowMs + population.talk.sample(closer.random), TALK_END, null, closer);
            }
            case TALK_END ->
            {
                if (null != predictive)
                {
                    predictive.talked(nowMs, nowMs - closer.sinceMs);
                }
                closer.call.phase = DONE;
                closer.call = null;
                closer.state = WRAPPING;
                closer.sinceMs = nowMs;
                schedule(nowMs + population.wrapUp.sample(closer.random), WRAP_END, null, closer);
            }
            case WRAP_END ->
            {
                if (null != predictive)
                {
                    predictive.wrapped(nowMs, nowMs - closer.sinceMs);
                }
                closerFree(closer);
            }
            default -> throw new IllegalStateException("event " + event.type);
        }
    }

    private void ringEnded(final Call call)
    {
        ringing--;
        if (!call.answered)
        {
            call.phase = DONE;
            if (null != predictive)
            {
                predictive.notAnswered(nowMs);
            }
            return;
        }
        if (null != predictive)
        {
            predictive.answered(nowMs);
        }
        if (call.human)
        {
            humans++;
        }
        call.phase = DETECTING;
        call.answerMs = nowMs;
        detecting++;
        schedule(nowMs + call.detectionMs, VERDICT, call, null);
    }

    private void verdict(final Call call)
    {
        detecting--;
        final boolean toScript = call.human && !call.falseMachine;
        if (null != predictive)
        {
            predictive.verdict(nowMs, toScript);
        }
        if (!toScript)
        {
            if (call.human)
            {
                falseMachines++;
            }
            call.phase = DONE;
            return;
        }
        detectedHumans++;
        call.phase = SCRIPTING;
        scripting++;
        schedule(nowMs + call.scriptMs, SCRIPT_END, call, null);
    }

    private void scriptEnded(final Call call)
    {
        scripting--;
        if (null != predictive)
        {
            predictive.scriptEnded(nowMs, call.qualifies, nowMs - call.dialMs, nowMs - call.answerMs);
        }
        if (!call.qualifies)
        {
            call.phase = DONE;
            return;
        }
        qualified++;
        call.qualifiedMs = nowMs;
        final Closer closer = longestIdle();
        if (null != closer)
        {
            offer(closer, call);
            return;
        }
        call.phase = WAITING;
        waitingCallers.addLast(call);
        call.dropped = population.maxHoldMs <= call.patienceMs;
        schedule(nowMs + Math.min(population.maxHoldMs, call.patienceMs), HOLD_END, call, null);
    }

    private void holdEnded(final Call call)
    {
        if (WAITING != call.phase)
        {
            return;
        }
        waitingCallers.remove(call);
        call.phase = DONE;
        hold(nowMs - call.qualifiedMs);
        if (null != predictive)
        {
            predictive.held(nowMs, nowMs - call.qualifiedMs);
        }
        if (call.dropped)
        {
            drops++;
        }
        else
        {
            hangUps++;
        }
    }

    private void offer(final Closer closer, final Call call)
    {
        hold(nowMs - call.qualifiedMs);
        if (null != predictive)
        {
            predictive.held(nowMs, nowMs - call.qualifiedMs);
        }
        call.phase = WITH_CLOSER;
        closer.call = call;
        closer.state = BRIEFING;
        closer.sinceMs = nowMs;
        schedule(nowMs + population.briefing.sample(closer.random), BRIEF_END, null, closer);
    }

    private void closerFree(final Closer closer)
    {
        closer.sinceMs = nowMs;
        if (closer.pendingLeave)
        {
            closer.pendingLeave = false;
            closer.state = OFFLINE;
            return;
        }
        if (closer.pendingPause)
        {
            closer.pendingPause = false;
            closer.state = PAUSED;
            return;
        }
        closer.state = AVAILABLE;
        final Call next = waitingCallers.pollFirst();
        if (null != next)
        {
            offer(closer, next);
        }
    }

    private Closer longestIdle()
    {
        Closer best = null;
        for (final Closer c : closers)
        {
            if (AVAILABLE == c.state && (null == best || c.sinceMs < best.sinceMs))
            {
                best = c;
            }
        }
        return best;
    }

    private void floorEvent(final Population.FloorEvent event)
    {
        int left = event.count();
        switch (event.kind())
        {
            case "pause", "leave" ->
            {
                final boolean leave = "leave".equals(event.kind());
                for (int pass = 0; pass < 2 && left > 0; pass++)
                {
                    for (final Closer c : closers)
                    {
                        if (left > 0 && 0 == pass && AVAILABLE == c.state)
                        {
                            c.state = leave ? OFFLINE : PAUSED;
                            c.sinceMs = nowMs;
                            left--;
                        }
                        else if (left > 0 && 1 == pass && c.state >= BRIEFING && c.state <= WRAPPING &&
                            !c.pendingPause && !c.pendingLeave)
                        {
                            c.pendingLeave = leave;
                            c.pendingPause = !leave;
                            left--;
                        }
                    }
                }
            }
            case "resume", "return" ->
            {
                final int from = "resume".equals(event.kind()) ? PAUSED : OFFLINE;
                for (final Closer c : closers)
                {
                    if (left > 0 && (from == c.state || (PAUSED == from ? c.pendingPause : c.pendingLeave)))
                    {
                        left--;
                        if (from == c.state)
                        {
                            closerFree(c);
                        }
                        else
                        {
                            c.pendingPause = false;
                            c.pendingLeave = false;
                        }
                    }
                }
            }
            default -> throw new IllegalStateException(event.kind());
        }
    }

    private void hold(final long ms)
    {
        if (holdCount == holds.length)
        {
            holds = Arrays.copyOf(holds, holdCount * 2);
        }
        holds[holdCount++] = ms;
    }

    private void schedule(final long atMs, final int type, final Call call, final Closer closer)
    {
        queue.add(new Event(atMs, sequence++, type, call, closer));
    }

    private Result result()
    {
        final long[] sorted = Arrays.copyOf(holds, holdCount);
        Arrays.sort(sorted);
        final long p50 = percentile(sorted, 0.50);
        final long p95 = percentile(sorted, 0.95);
        final long p99 = percentile(sorted, 0.99);
        final long max = 0 == sorted.length ? 0 : sorted[sorted.length - 1];
        int waited = 0;
        for (final long hold : sorted)
        {
            waited += hold > 0 ? 1 : 0;
        }
        final double rate = 0 == humans ? 0 : (double)(hangUps + drops) / humans;
        final double utilisation = 0 == floorMs ? 0 : (double)busyMs / floorMs;
        final double perHour = 0 == floorMs ? 0 : bridged / (floorMs / 3_600_000.0);
        return new Result(pacing, label, dials, humans, falseMachines, qualified, bridged, hangUps, drops, rate,
            utilisation, p50, p95, p99, max, 0 == sorted.length ? 0 : (double)waited / sorted.length, perHour,
            dialsWithNoCloser, maxLinesPerCloser);
    }

    private static long percentile(final long[] sorted, final double q)
    {
        if (0 == sorted.length)
        {
            return 0;
        }
        final int index = (int)Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long mix(final long seed, final long index)
    {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class Call
    {
        final boolean answered;
        final long ringMs;
        final long noAnswerMs;
        final boolean human;
        final boolean falseMachine;
        final boolean qualifies;
        final long detectionMs;
        final long scriptMs;
        final long patienceMs;
        final int lead;
        long dialMs;
        long answerMs;
        long qualifiedMs;
        int phase;
        boolean dropped;

        Call(final int lead, final SplittableRandom random, final Population p)
        {
            this.lead = lead;
            answered = random.nextDouble() < p.answerRate;
            ringMs = p.ring.sample(random);
            noAnswerMs = p.noAnswer.sample(random);
            human = random.nextDouble() < p.humanShare;
            falseMachine = random.nextDouble() < p.falseMachineShare;
            qualifies = random.nextDouble() < p.qualificationRate;
            detectionMs = p.detection.sample(random);
            scriptMs = p.script.sample(random);
            patienceMs = p.patience.sample(random);
        }
    }

    private static final class Closer
    {
        final int index;
        final SplittableRandom random;
        int state = AVAILABLE;
        long sinceMs;
        boolean pendingPause;
        boolean pendingLeave;
        Call call;

        Closer(final int index, final SplittableRandom random)
        {
            this.index = index;
            this.random = random;
        }
    }

    private static final class Event implements Comparable<Event>
    {
        final long atMs;
        final long sequence;
        final int type;
        final Call call;
        final Closer closer;

        Event(final long atMs, final long sequence, final int type, final Call call, final Closer closer)
        {
            this.atMs = atMs;
            this.sequence = sequence;
            this.type = type;
            this.call = call;
            this.closer = closer;
        }

        @Override
        public int compareTo(final Event other)
        {
            final int byTime = Long.compare(atMs, other.atMs);
            return 0 != byTime ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
