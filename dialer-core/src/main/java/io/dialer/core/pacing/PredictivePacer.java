/*
 * Dialer core: pacing.
 */
package io.dialer.core.pacing;

/**
 * Predictive pacing for a two-stage dialer (a qualification script, then a closer): decides how many lines to have
 * in flight so that the qualified callers they are expected to yield find a closer free when they qualify.
 * <p>
 * A line dialed now yields a qualified caller with probability {@code p = answer rate × human share × qualification
 * rate}, about {@code H} ms later (ring, detection and script: the measured dial-to-qualification time). The closers
 * expected free at {@code H} are the available ones plus each busy closer's chance to be free by then (from how long
 * it has been briefing, talking or wrapping up against the measured times), minus the callers already on hold. The
 * calls in flight already claim part of them (each with its own chance to qualify). The new lines {@code n} are the
 * most for which {@code demand + z × sd ≤ supply}, demand and supply as sums of Bernoulli chances (mean and
 * variance); {@code z} is the safety margin: a margin learned per campaign from the measured share of qualified
 * callers who waited over {@value #WAIT_LIMIT_MS} ms ({@link #held}), between {@link #Z_LEARNED_MIN} and the
 * configured margin, which grows as the abandonment budget of the window is used.
 * <p>
 * Hard limits, in order: no closer on the floor (logged in, not paused): 0 lines; callers on hold: no new line; fewer
 * answers measured than {@code minAnswers}, or fewer than half that many recently (a count that halves every
 * {@value #WARM_UP_HALF_LIFE_MS} ms: after a quiet spell the rates are stale), or the abandonment budget spent: one
 * line per available closer
 * (progressive 1.0); at most {@code maxLinesPerCloser} per closer on the floor and {@code maxLines}.
 * <p>
 * Rates and times are {@link DecayingMean}s (by time, with priors). Use: the observation methods as calls progress;
 * per decision {@link #beginFloor(long)}, one {@code closer…} call per busy closer, then {@link #decide}. Single
 * threaded, allocation-free.
 */
public final class PredictivePacer
{
    /**
     * Default target abandonment rate: 3 %.
     */
    public static final double TARGET_ABANDON_RATE_DEFAULT = 0.03;

    /**
     * Default maximum lines per closer on the floor.
     */
    public static final int MAX_LINES_PER_CLOSER_DEFAULT = 3;

    /**
     * Default answers measured before predicting.
     */
    public static final int MIN_ANSWERS_DEFAULT = 50;

    /**
     * Default maximum lines in flight.
     */
    public static final int MAX_LINES_DEFAULT = 1000;

    /**
     * Default half-life of the rates (answer, human, qualification): 60 s.
     */
    public static final long RATE_HALF_LIFE_MS_DEFAULT = 60_000;

    /**
     * Default half-life of the times (script, briefing, talk, wrap-up): 5 minutes.
     */
    public static final long TIME_HALF_LIFE_MS_DEFAULT = 300_000;

    /**
     * Default safety margin, in standard deviations, while the abandonment budget is less than half used: where the
     * learned margin starts, and its ceiling.
     */
    public static final double Z_DEFAULT = 2.0;

    /**
     * Default safety margin when the budget is all but spent.
     */
    public static final double Z_MAX_DEFAULT = 4.0;

    /**
     * A campaign's predictive pacing settings; each campaign run makes its own pacer from them.
     *
     * @param targetAbandonRate the abandonment rate not to exceed, above 0 and below 1.
     * @param maxLinesPerCloser the most lines per closer on the floor, at least 1.
     * @param minAnswers        answers measured before predicting, 0 or more.
     */
    public record Settings(double targetAbandonRate, int maxLinesPerCloser, int minAnswers)
    {
        /**
         * A new pacer.
         *
         * @param maxLines the campaign's maximum lines.
         * @return the pacer, with nothing measured.
         */
        public PredictivePacer newPacer(final int maxLines)
        {
            return new PredictivePacer(targetAbandonRate, maxLinesPerCloser, minAnswers, maxLines, Z_DEFAULT,
                Z_MAX_DEFAULT);
        }
    }

    /**
     * Half-life of the count of answers that ends the warm-up: after a quiet spell (a night, a long pause) the
     * measurements are stale and the pacer warms up again.
     */
    public static final long WARM_UP_HALF_LIFE_MS = 1_800_000;

    /**
     * A qualified caller who waits longer than this for a closer counts against the learned margin: the hold p95
     * goal is 2 s.
     */
    public static final long WAIT_LIMIT_MS = 2_000;

    /**
     * The share of qualified callers waiting more than {@link #WAIT_LIMIT_MS} the learned margin steers to: hold
     * p95 ≤ 2 s allows 5 %; 3 % leaves room for the measurement's noise.
     */
    public static final double WAIT_SHARE_TARGET = 0.03;

    /**
     * Half-life of the measured wait share: 1 hour (a small floor qualifies a few dozen callers an hour).
     */
    public static final long WAIT_HALF_LIFE_MS = 3_600_000;

    /**
     * Lowest learned margin, standard deviations.
     */
    public static final double Z_LEARNED_MIN = 1.0;

    /**
     * How many standard errors the measured wait share must be under the target before the margin is lowered (or
     * over it before it is raised): "well under", scaled by how many callers were measured.
     */
    public static final double WAIT_STANDARD_ERRORS = 1.5;

    private static final double WAIT_SHARE_FLOOR = 0.015;
    private static final double Z_UP_PER_MS = 1.0 / 600_000;
    private static final double Z_DOWN_PER_MS = 1.0 / 1_200_000;
    private static final long Z_STEP_MAX_MS = 1_000;
    private static final double PRIOR_WEIGHT = 10;
    private static final int MAX_NEW_LINES = 1_000_000;
    private static final double MIN_SPREAD_MS = 1_000;

    private final double targetAbandonRate;
    private final int maxLinesPerCloser;
    private final int minAnswers;
    private final int maxLines;
    private final double zBase;
    private final double zMax;
    private final DecayingMean answerRate;
    private final DecayingMean humanShare;
    private final DecayingMean qualificationRate;
    private final DecayingMean dialToQualifyMs;
    private final DecayingMean answerToQualifyMs;
    private final DecayingMean briefMs;
    private final DecayingMean talkMs;
    private final DecayingMean wrapMs;
    private final DecayingMean recentAnswers;
    private final DecayingMean waitShare;
    private long answers;
    private double zLearned;
    private long learnedAtMs = Long.MIN_VALUE;

    private double horizonMs;
    private double brief;
    private double talk;
    private double wrap;
    private double spreadMs;
    private double shortHorizonMs;
    private double freeing;
    private double freeingVariance;
    private double freeingSoon;
    private double freeingSoonVariance;

    private int target;
    private int newLines;
    private double z;
    private double expectedFree;
    private double expectedDemand;
    private PacingReason reason = PacingReason.NO_CLOSER;

    /**
     * A pacer with the defaults but for the three campaign settings.
     *
     * @param targetAbandonRate the abandonment rate not to exceed, above 0 and below 1 (0.03).
     * @param maxLinesPerCloser the most lines per closer on the floor, at least 1.
     * @param minAnswers        answers measured before predicting, 0 or more.
     */
    public PredictivePacer(final double targetAbandonRate, final int maxLinesPerCloser, final int minAnswers)
    {
        this(targetAbandonRate, maxLinesPerCloser, minAnswers, MAX_LINES_DEFAULT, Z_DEFAULT, Z_MAX_DEFAULT);
    }

    /**
     * A pacer.
     *
     * @param targetAbandonRate the abandonment rate not to exceed, above 0 and below 1 (0.03).
     * @param maxLinesPerCloser the most lines per closer on the floor, at least 1.
     * @param minAnswers        answers measured before predicting, 0 or more.
     * @param maxLines          the most lines in flight, at least 1.
     * @param z                 the safety margin in standard deviations while under half the budget, 0 or more:
     *                          where the learned margin starts and the most it reaches.
     * @param zMax              the margin when the budget is spent, at least {@code z}.
     */
    public PredictivePacer(
        final double targetAbandonRate, final int maxLinesPerCloser, final int minAnswers, final int maxLines,
        final double z, final double zMax)
    {
        if (!(targetAbandonRate > 0 && targetAbandonRate < 1))
        {
            throw new IllegalArgumentException("target_abandon_rate must be above 0 and below 1: " +
                targetAbandonRate);
        }
        if (maxLinesPerCloser < 1 || minAnswers < 0 || maxLines < 1 || !(z >= 0) || !(zMax >= z))
        {
            throw new IllegalArgumentException("max_lines_per_closer and max_lines must be >= 1, " +
                "min_calls_before_predicting >= 0, 0 <= z <= zMax");
        }
        this.targetAbandonRate = targetAbandonRate;
        this.maxLinesPerCloser = maxLinesPerCloser;
        this.minAnswers = minAnswers;
        this.maxLines = maxLines;
        this.zBase = z;
        this.zMax = zMax;
        answerRate = new DecayingMean(RATE_HALF_LIFE_MS_DEFAULT, 0.2, 0, PRIOR_WEIGHT);
        humanShare = new DecayingMean(RATE_HALF_LIFE_MS_DEFAULT, 0.6, 0, PRIOR_WEIGHT);
        qualificationRate = new DecayingMean(RATE_HALF_LIFE_MS_DEFAULT, 0.3, 0, PRIOR_WEIGHT);
        dialToQualifyMs = new DecayingMean(TIME_HALF_LIFE_MS_DEFAULT, 45_000, 15_000, PRIOR_WEIGHT);
        answerToQualifyMs = new DecayingMean(TIME_HALF_LIFE_MS_DEFAULT, 35_000, 15_000, PRIOR_WEIGHT);
        briefMs = new DecayingMean(TIME_HALF_LIFE_MS_DEFAULT, 10_000, 5_000, PRIOR_WEIGHT);
        talkMs = new DecayingMean(TIME_HALF_LIFE_MS_DEFAULT, 180_000, 90_000, PRIOR_WEIGHT);
        wrapMs = new DecayingMean(TIME_HALF_LIFE_MS_DEFAULT, 20_000, 10_000, PRIOR_WEIGHT);
        recentAnswers = new DecayingMean(WARM_UP_HALF_LIFE_MS, 0, 0, 0);
        waitShare = new DecayingMean(WAIT_HALF_LIFE_MS, 0, 0, 0);
        zLearned = z;
    }

    // ------------------------------------------------------------------------------------------------------------
    // observations

    /**
     * A dial ended before an answer (no answer, busy, failed).
     *
     * @param nowMs the time.
     */
    public void notAnswered(final long nowMs)
    {
        answerRate.add(nowMs, 0);
    }

    /**
     * A dial was answered.
     *
     * @param nowMs the time.
     */
    public void answered(final long nowMs)
    {
        answerRate.add(nowMs, 1);
        recentAnswers.add(nowMs, 1);
        answers++;
    }

    /**
     * The detector's verdict on an answered call.
     *
     * @param nowMs the time.
     * @param human true when the call goes on to the script (HUMAN or NOTSURE), false for a machine, SIT or fax.
     */
    public void verdict(final long nowMs, final boolean human)
    {
        humanShare.add(nowMs, human ? 1 : 0);
    }

    /**
     * A person's script ended.
     *
     * @param nowMs     the time.
     * @param qualified   true when the person qualified for a closer.
     * @param sinceDial   ms from the dial to now (measured for qualified calls only).
     * @param sinceAnswer ms from the answer to now (measured for qualified calls only).
     */
    public void scriptEnded(final long nowMs, final boolean qualified, final long sinceDial, final long sinceAnswer)
    {
        qualificationRate.add(nowMs, qualified ? 1 : 0);
        if (qualified && sinceDial >= 0 && sinceAnswer >= 0)
        {
            dialToQualifyMs.add(nowMs, sinceDial);
            answerToQualifyMs.add(nowMs, sinceAnswer);
        }
    }

    /**
     * A closer's briefing ended with the caller bridged.
     *
     * @param nowMs  the time.
     * @param tookMs from the offer to the bridge.
     */
    public void briefed(final long nowMs, final long tookMs)
    {
        briefMs.add(nowMs, tookMs);
    }

    /**
     * A closer's call with a caller ended.
     *
     * @param nowMs  the time.
     * @param tookMs from the bridge to the end.
     */
    public void talked(final long nowMs, final long tookMs)
    {
        talkMs.add(nowMs, tookMs);
    }

    /**
     * A closer's wrap-up ended.
     *
     * @param nowMs  the time.
     * @param tookMs its length.
     */
    public void wrapped(final long nowMs, final long tookMs)
    {
        wrapMs.add(nowMs, tookMs);
    }

    /**
     * A qualified caller's hold ended: a closer was offered the caller (0 when one was free at once), or the caller
     * hung up or was dropped. Feeds the learned margin.
     *
     * @param nowMs  the time.
     * @param holdMs from the qualification to the offer or the abandon.
     */
    public void held(final long nowMs, final long holdMs)
    {
        waitShare.add(nowMs, holdMs > WAIT_LIMIT_MS ? 1 : 0);
    }

    // ------------------------------------------------------------------------------------------------------------
    // the floor and the decision

    /**
     * Starts a decision: the measured times are read once, the busy closers' count is reset.
     *
     * @param nowMs the time.
     */
    public void beginFloor(final long nowMs)
    {
        horizonMs = dialToQualifyMs.mean(nowMs);
        shortHorizonMs = 0.5 * answerToQualifyMs.mean(nowMs);
        brief = briefMs.mean(nowMs);
        talk = talkMs.mean(nowMs);
        wrap = wrapMs.mean(nowMs);
        spreadMs = Math.max(MIN_SPREAD_MS, 0.5 * talkMs.sd(nowMs));
        freeing = 0;
        freeingVariance = 0;
        freeingSoon = 0;
        freeingSoonVariance = 0;
    }

    /**
     * A closer being dialed or briefed on a caller (will talk, then wrap up).
     *
     * @param elapsedMs since the offer.
     */
    public void closerBriefing(final long elapsedMs)
    {
        busy(Math.max(0, brief - elapsedMs) + talk + wrap);
    }

    /**
     * A closer talking to a caller (will wrap up after).
     *
     * @param elapsedMs since the bridge.
     */
    public void closerTalking(final long elapsedMs)
    {
        busy(Math.max(spreadMs, talk - elapsedMs) + wrap);
    }

    /**
     * A closer in wrap-up.
     *
     * @param elapsedMs since the call ended.
     */
    public void closerWrapping(final long elapsedMs)
    {
        busy(Math.max(0, wrap - elapsedMs));
    }

    private void busy(final double remainingMs)
    {
        final double p = freeBy(horizonMs, remainingMs);
        freeing += p;
        freeingVariance += p * (1 - p);
        final double soon = freeBy(shortHorizonMs, remainingMs);
        freeingSoon += soon;
        freeingSoonVariance += soon * (1 - soon);
    }

    private double freeBy(final double horizon, final double remainingMs)
    {
        final double x = (horizon - remainingMs) / spreadMs;
        return 1.0 / (1.0 + Math.exp(-1.7 * x)); // logistic approximation of the normal CDF
    }

    /**
     * The target number of lines in flight (dialing, ringing, detecting or in the script). The new dials are the
     * target minus the calls in flight.
     *
     * @param nowMs            the time.
     * @param onFloor          closers logged in and not paused (nor about to pause or leave after their call).
     * @param available        closers free to take a caller now.
     * @param waiting          qualified callers on hold for a closer.
     * @param ringing          calls dialed and not answered yet.
     * @param detecting        calls answered, no verdict yet.
     * @param scripting        calls in the script.
     * @param abandoned        abandoned calls in the window (hold hang-ups and drops count).
     * @param humansAnswered   calls answered by a person in the window.
     * @return the lines to have in flight, 0 or more.
     */
    public int decide(
        final long nowMs, final int onFloor, final int available, final int waiting, final int ringing,
        final int detecting, final int scripting, final long abandoned, final long humansAnswered)
    {
        final int inFlight = ringing + detecting + scripting;
        newLines = 0;
        expectedFree = available + freeing - waiting;
        if (onFloor <= 0)
        {
            return decided(0, PacingReason.NO_CLOSER);
        }
        if (waiting > 0)
        {
            return decided(inFlight, PacingReason.CALLERS_WAITING);
        }
        final double budget = targetAbandonRate * humansAnswered;
        final double used = humansAnswered > 0 ? abandoned / budget : 0;
        final boolean warmingUp = answers < minAnswers || recentAnswers.weight(nowMs) < 0.5 * minAnswers;
        if (warmingUp || used >= 1.0)
        {
            final int lines = capped(available, onFloor);
            return decided(lines, warmingUp ? PacingReason.WARMING_UP : PacingReason.ABANDON_BUDGET);
        }
        learn(nowMs);
        z = zLearned + (zMax - zLearned) * Math.min(1.0, Math.max(0.0, (used - 0.5) / 0.5));

        final double pa = answerRate.mean(nowMs);
        final double ph = humanShare.mean(nowMs);
        final double pq = qualificationRate.mean(nowMs);
        final double pDial = pa * ph * pq;
        final double pDetect = ph * pq;
        final double soonDemand = detecting * pDetect + scripting * pq;
        final double soonVariance = detecting * pDetect * (1 - pDetect) + scripting * pq * (1 - pq) +
            freeingSoonVariance;
        if (soonDemand + z * Math.sqrt(soonVariance) > available + freeingSoon - waiting)
        {
            expectedDemand = soonDemand;
            return decided(inFlight, PacingReason.CLOSERS_BUSY);
        }
        final double demand = ringing * pDial + detecting * pDetect + scripting * pq;
        final double variance = ringing * pDial * (1 - pDial) + detecting * pDetect * (1 - pDetect) +
            scripting * pq * (1 - pq) + freeingVariance;

        final int n = newLines(pDial, demand, variance);
        newLines = n;
        final int lines = inFlight + n;
        final int perCloser = maxLinesPerCloser * onFloor;
        expectedDemand = demand + n * pDial;
        if (lines > Math.min(perCloser, maxLines))
        {
            return perCloser <= maxLines ? decided(perCloser, PacingReason.MAX_LINES_PER_CLOSER) :
                decided(maxLines, PacingReason.MAX_LINES);
        }
        return decided(lines, PacingReason.PREDICTED);
    }

    /**
     * The learned margin: an integral, by time, on the measured share of qualified callers who waited over {@link
     * #WAIT_LIMIT_MS} (a decaying mean, half-life {@link #WAIT_HALF_LIFE_MS}). It rises (up to 0.1 per minute) while
     * the share is over {@link #WAIT_SHARE_TARGET} by more than {@link #WAIT_STANDARD_ERRORS} standard errors, falls
     * (at most 0.05 per minute) only while it is under by as much, and holds in between. The standard error counts
     * a share of at least 1.5 %, so with no caller waiting it takes about 38 callers measured before the margin
     * falls. Bounded by {@link #Z_LEARNED_MIN} and the configured margin; a step counts at
     * most {@link #Z_STEP_MAX_MS} of time, so a quiet spell (no decision) does not wind it up.
     */
    private void learn(final long nowMs)
    {
        final long stepMs = Long.MIN_VALUE == learnedAtMs ? 0 :
            Math.min(Z_STEP_MAX_MS, Math.max(0, nowMs - learnedAtMs));
        learnedAtMs = nowMs;
        final double samples = waitShare.weight(nowMs);
        if (0 == stepMs || samples < 1)
        {
            return;
        }
        final double share = waitShare.mean(nowMs);
        final double error = WAIT_STANDARD_ERRORS *
            Math.sqrt(Math.max(WAIT_SHARE_FLOOR, share) * (1 - share) / samples);
        double next = zLearned;
        if (share - error > WAIT_SHARE_TARGET)
        {
            next += Z_UP_PER_MS * stepMs * Math.min(1.0, (share - error - WAIT_SHARE_TARGET) / WAIT_SHARE_TARGET);
        }
        else if (share + error < WAIT_SHARE_TARGET)
        {
            next -= Z_DOWN_PER_MS * stepMs * (WAIT_SHARE_TARGET - share - error) / WAIT_SHARE_TARGET;
        }
        zLearned = Math.max(Math.min(Z_LEARNED_MIN, zBase), Math.min(zBase, next));
    }

    /**
     * The largest n with {@code demand + n p + z sqrt(variance + n p (1 - p)) <= supply}: with {@code x = sqrt(V +
     * n v)} it is the quadratic {@code a x² + z x + c <= 0}, {@code a = p / v = 1 / (1 - p)}.
     */
    private int newLines(final double p, final double demand, final double variance)
    {
        final double supply = expectedFree;
        if (!(p > 0) || p >= 1)
        {
            return 0;
        }
        final double v = p * (1 - p);
        final double a = 1.0 / (1 - p);
        final double c = demand - a * variance - supply;
        final double discriminant = z * z - 4 * a * c;
        if (discriminant < 0)
        {
            return 0;
        }
        final double x = (-z + Math.sqrt(discriminant)) / (2 * a);
        if (x <= 0 || x * x <= variance)
        {
            return 0;
        }
        final double n = (x * x - variance) / v;
        return n >= MAX_NEW_LINES ? MAX_NEW_LINES : (int)n;
    }

    private int capped(final int lines, final int onFloor)
    {
        return Math.min(Math.min(lines, maxLinesPerCloser * onFloor), maxLines);
    }

    private int decided(final int lines, final PacingReason why)
    {
        target = Math.max(0, lines);
        reason = why;
        return target;
    }

    // ------------------------------------------------------------------------------------------------------------
    // figures

    /**
     * @return the last target.
     */
    public int target()
    {
        return target;
    }

    /**
     * @return the new lines the last prediction allowed (before the caps), 0 unless {@link PacingReason#PREDICTED}
     * or a cap.
     */
    public int newLines()
    {
        return newLines;
    }

    /**
     * @return what bounded the last target.
     */
    public PacingReason reason()
    {
        return reason;
    }

    /**
     * @return the safety margin of the last prediction, in standard deviations.
     */
    public double z()
    {
        return z;
    }

    /**
     * @return the learned margin (before the abandonment budget tightens it), in standard deviations: between
     * {@link #Z_LEARNED_MIN} and the configured margin.
     */
    public double learnedZ()
    {
        return zLearned;
    }

    /**
     * @param nowMs the time.
     * @return the measured share of qualified callers who waited over {@link #WAIT_LIMIT_MS} (time-decayed), 0
     * before any was measured.
     */
    public double waitShare(final long nowMs)
    {
        return waitShare.mean(nowMs);
    }

    /**
     * @return the closers expected free at the horizon at the last decision (available + freeing - waiting).
     */
    public double expectedFree()
    {
        return expectedFree;
    }

    /**
     * @return the qualified callers expected from the lines in flight at the last decision.
     */
    public double expectedDemand()
    {
        return expectedDemand;
    }

    /**
     * @return the horizon of the last decision: the measured dial-to-qualification time, ms.
     */
    public double horizonMs()
    {
        return horizonMs;
    }

    /**
     * @return the answers measured since the start.
     */
    public long answers()
    {
        return answers;
    }

    /**
     * @param nowMs the time.
     * @return the estimated answer rate.
     */
    public double answerRate(final long nowMs)
    {
        return answerRate.mean(nowMs);
    }

    /**
     * @param nowMs the time.
     * @return the estimated share of answers that go on to the script.
     */
    public double humanShare(final long nowMs)
    {
        return humanShare.mean(nowMs);
    }

    /**
     * @param nowMs the time.
     * @return the estimated qualification rate of scripted people.
     */
    public double qualificationRate(final long nowMs)
    {
        return qualificationRate.mean(nowMs);
    }

    /**
     * @param nowMs the time.
     * @return the estimated mean talk time, ms.
     */
    public double talkMs(final long nowMs)
    {
        return talkMs.mean(nowMs);
    }

    /**
     * @return the target abandonment rate.
     */
    public double targetAbandonRate()
    {
        return targetAbandonRate;
    }

    /**
     * @return the most lines per closer on the floor.
     */
    public int maxLinesPerCloser()
    {
        return maxLinesPerCloser;
    }

    /**
     * @return the answers measured before predicting.
     */
    public int minAnswers()
    {
        return minAnswers;
    }
}
