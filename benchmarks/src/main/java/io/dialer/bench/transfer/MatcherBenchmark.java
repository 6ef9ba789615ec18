/*
 * Dialer benchmarks.
 */
package io.dialer.bench.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.dialer.transfer.CloserPool;
import io.dialer.transfer.Matcher;
import io.dialer.transfer.SkillRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The matcher with 10,000 closers (parameter {@code closers}) and 100 skills, each closer 1 to 5 skills, all logged
 * in. One operation is one assign (a caller with a random skill gets the longest-idle closer) plus its release:
 * either the offer ends ({@code endOffer}) or the call is connected and ended with no wrap-up ({@code connect} +
 * {@code endCall}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatcherBenchmark
{
    private static final int SKILLS = 100;
    private static final int MAX_SKILLS_PER_CLOSER = 5;
    private static final int CALLS = 1 << 16;

    /**
     * Number of closers; 10,000 for the published figure, smaller to see the cache effect.
     */
    @Param("10000")
    public int closers;

    private final int[] skillOfCall = new int[CALLS];
    private Matcher matcher;
    private long callerId;
    private long nowMs;

    /**
     * Builds the pool and logs every closer in.
     */
    @Setup
    public void setUp()
    {
        final Random random = new Random(42);
        final SkillRegistry skills = new SkillRegistry(SKILLS);
        for (int s = 0; s < SKILLS; s++)
        {
            skills.intern("skill-" + s);
        }
        final CloserPool pool = new CloserPool(skills, closers, MAX_SKILLS_PER_CLOSER);
        for (int c = 0; c < closers; c++)
        {
            final int count = 1 + random.nextInt(MAX_SKILLS_PER_CLOSER);
            final List<String> names = new ArrayList<>();
            while (names.size() < count)
            {
                final String name = "skill-" + random.nextInt(SKILLS);
                if (!names.contains(name))
                {
                    names.add(name);
                }
            }
            pool.add("closer-" + c, "Closer " + c, "sip:closer-" + c + "@floor", names.toArray(new String[0]));
        }
        matcher = new Matcher(pool, 4096, 0, MatcherBenchmark::noMatch);
        for (int c = 0; c < closers; c++)
        {
            matcher.login(c, 0);
        }
        for (int s = 0; s < SKILLS; s++)
        {
            if (0 == matcher.availableCount(s))
            {
                throw new IllegalStateException("no closer has skill " + s);
            }
        }
        for (int i = 0; i < CALLS; i++)
        {
            skillOfCall[i] = random.nextInt(SKILLS);
        }
    }

    private static void noMatch(final long callerId, final int closer, final int skill)
    {
    }

    /**
     * Assign the longest-idle closer, then end the offer (declined, no answer): it goes back to the tail.
     *
     * @return the closer, so the work is not eliminated.
     */
    @Benchmark
    public int assignAndEndOffer()
    {
        final long id = callerId++;
        final int closer = matcher.assign(id, skillOfCall[(int)id & (CALLS - 1)], CloserPool.NULL_CLOSER, ++nowMs);
        matcher.endOffer(closer, nowMs);
        return closer;
    }

    /**
     * Assign the longest-idle closer, connect, end the call (no wrap-up): the full release path.
     *
     * @return the closer, so the work is not eliminated.
     */
    @Benchmark
    public int assignConnectAndEndCall()
    {
        final long id = callerId++;
        final int closer = matcher.assign(id, skillOfCall[(int)id & (CALLS - 1)], CloserPool.NULL_CLOSER, ++nowMs);
        matcher.connect(closer, nowMs);
        matcher.endCall(closer, nowMs);
        return closer;
    }
}
