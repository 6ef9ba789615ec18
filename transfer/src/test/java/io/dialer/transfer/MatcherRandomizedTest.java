/*
 * Dialer transfer module tests.
 */
package io.dialer.transfer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random assign/release/pause/resume/login/logout/wrap-up/abandon sequences, checked after every operation against
 * a reference model made of plain lists: available closers in the order they became available, waiting callers in
 * arrival order, wrap-ups in start order.
 */
class MatcherRandomizedTest
{
    private static final int CLOSERS = 24;
    private static final int SKILLS = 6;
    private static final int MAX_SKILLS_PER_CLOSER = 3;
    private static final int MAX_WAITING = 10;
    private static final long WRAP_UP_MS = 50;
    private static final int OPERATIONS = 20_000;

    private final List<String> matcherMatches = new ArrayList<>();
    private final Model model = new Model();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99_991})
    void shouldAgreeWithTheReferenceModelAfterEveryOperation(final long seed)
    {
        final Random random = new Random(seed);
        final CloserPool pool = randomPool(random);
        final Matcher matcher = new Matcher(pool, MAX_WAITING, WRAP_UP_MS,
            (caller, closer, skill) -> matcherMatches.add(caller + "->" + closer));

        long now = 0;
        long nextCaller = 1;
        for (int op = 0; op < OPERATIONS; op++)
        {
            now += random.nextInt(5);
            final int closer = random.nextInt(CLOSERS + 1) - (random.nextInt(50) == 0 ? CLOSERS + 1 : 0);
            final String description;
            final Object actual;
            final Object expected;
            switch (random.nextInt(11))
            {
                case 0, 1, 2 ->
                {
                    final long caller = random.nextInt(8) == 0 && !model.waiting.isEmpty() ?
                        model.waiting.get(0)[0] : nextCaller++;
                    final int skill = random.nextInt(SKILLS + 1);
                    final int excluded = random.nextBoolean() ? CloserPool.NULL_CLOSER : random.nextInt(CLOSERS);
                    description = "assign " + caller + " skill " + skill + " excluding " + excluded;
                    actual = matcher.assign(caller, skill, excluded, now);
                    expected = model.assign(caller, skill, excluded);
                }
                case 3 ->
                {
                    description = "login " + closer;
                    actual = matcher.login(closer, now);
                    expected = model.login(closer);
                }
                case 4 ->
                {
                    description = "logout " + closer;
                    actual = matcher.logout(closer, now);
                    expected = model.logout(closer);
                }
                case 5 ->
                {
                    description = "pause " + closer;
                    actual = matcher.pause(closer, "r" + op, now);
                    expected = model.pause(closer);
                }
                case 6 ->
                {
                    description = "resume " + closer;
                    actual = matcher.resume(closer, now);
                    expected = model.resume(closer);
                }
                case 7 ->
                {
                    description = "connect " + closer;
                    actual = matcher.connect(closer, now);
                    expected = model.connect(closer);
                }
                case 8 ->
                {
                    description = "endOffer " + closer;
                    actual = matcher.endOffer(closer, now);
                    expected = model.endOffer(closer);
                }
                case 9 ->
                {
                    if (random.nextBoolean())
                    {
                        description = "endCall " + closer;
                        actual = matcher.endCall(closer, now);
                        expected = model.endCall(closer, now);
                    }
                    else if (random.nextBoolean())
                    {
                        description = "endWrapUp " + closer;
                        actual = matcher.endWrapUp(closer, now);
                        expected = model.endWrapUp(closer);
                    }
                    else
                    {
                        description = "expireWrapUps " + now;
                        actual = matcher.expireWrapUps(now);
                        expected = model.expire(now);
                    }
                }
                default ->
                {
                    final long caller = !model.waiting.isEmpty() && random.nextInt(4) != 0 ?
                        model.waiting.get(random.nextInt(model.waiting.size()))[0] : nextCaller + 1_000_000;
                    description = "abandon " + caller;
                    actual = matcher.abandon(caller);
                    expected = model.abandon(caller);
                }
            }

            final String where = "seed " + seed + " op " + op + ": " + description;
            assertEquals(expected, actual, where);
            check(where, pool, matcher);
        }
    }

    private CloserPool randomPool(final Random random)
    {
        final SkillRegistry skills = new SkillRegistry(SKILLS);
        for (int s = 0; s < SKILLS; s++)
        {
            skills.intern("skill-" + s);
        }
        final CloserPool pool = new CloserPool(skills, CLOSERS, MAX_SKILLS_PER_CLOSER);
        for (int c = 0; c < CLOSERS; c++)
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
            pool.add("c" + c, "Closer " + c, "sip:c" + c + "@floor", names.toArray(new String[0]));
            final int[] ids = new int[count];
            for (int i = 0; i < count; i++)
            {
                ids[i] = skills.skillId(names.get(i));
            }
            model.skills[c] = ids;
        }
        return pool;
    }

    private void check(final String where, final CloserPool pool, final Matcher matcher)
    {
        assertEquals(model.matches, matcherMatches, where);
        for (int c = 0; c < CLOSERS; c++)
        {
            assertEquals(model.states[c], pool.state(c), where + ", state of closer " + c);
            assertEquals(model.callerOf[c], matcher.callerOf(c), where + ", caller of closer " + c);
        }
        for (int s = 0; s < SKILLS; s++)
        {
            assertEquals(model.longestIdle(s), matcher.longestIdle(s), where + ", longest idle of " + s);
            assertEquals(model.availableCount(s), matcher.availableCount(s), where + ", available " + s);
            assertEquals(model.waitingCount(s), matcher.waitingCount(s), where + ", waiting " + s);
            assertEquals(model.oldestWaiting(s), matcher.oldestWaiting(s), where + ", oldest waiting " + s);
        }
        assertEquals(model.waiting.size(), matcher.waitingCount(), where);
        assertEquals(model.nextWrapUpDeadline(), matcher.nextWrapUpDeadline(), where);
    }

    /**
     * The reference: plain lists, linear scans.
     */
    private static final class Model
    {
        final int[][] skills = new int[CLOSERS][];
        final CloserState[] states = new CloserState[CLOSERS];
        final long[] callerOf = new long[CLOSERS];
        final List<Integer> available = new ArrayList<>();
        final List<long[]> waiting = new ArrayList<>();
        final List<long[]> wrapUps = new ArrayList<>();
        final List<String> matches = new ArrayList<>();
        final CloserState[] pendingState = new CloserState[CLOSERS];

        Model()
        {
            java.util.Arrays.fill(states, CloserState.OFFLINE);
            java.util.Arrays.fill(callerOf, Long.MIN_VALUE);
        }

        boolean has(final int closer, final long skill)
        {
            for (final int s : skills[closer])
            {
                if (s == skill)
                {
                    return true;
                }
            }
            return false;
        }

        boolean valid(final int closer)
        {
            return closer >= 0 && closer < CLOSERS;
        }

        int assign(final long caller, final int skill, final int excluded)
        {
            if (skill < 0 || skill >= SKILLS)
            {
                return Matcher.UNKNOWN_SKILL;
            }
            for (final long[] w : waiting)
            {
                if (w[0] == caller)
                {
                    return Matcher.ALREADY_QUEUED;
                }
            }
            for (final int c : available)
            {
                if (c != excluded && has(c, skill))
                {
                    available.remove(Integer.valueOf(c));
                    states[c] = CloserState.OFFERED;
                    callerOf[c] = caller;
                    return c;
                }
            }
            if (waiting.size() == MAX_WAITING)
            {
                return Matcher.QUEUE_FULL;
            }
            waiting.add(new long[]{caller, skill, excluded});
            return Matcher.QUEUED;
        }

        void becomeAvailable(final int closer)
        {
            for (final Iterator<long[]> it = waiting.iterator(); it.hasNext(); )
            {
                final long[] w = it.next();
                if (has(closer, w[1]) && w[2] != closer)
                {
                    it.remove();
                    states[closer] = CloserState.OFFERED;
                    callerOf[closer] = w[0];
                    matches.add(w[0] + "->" + closer);
                    return;
                }
            }
            states[closer] = CloserState.AVAILABLE;
            available.add(closer);
        }

        PoolResult expect(final int closer, final CloserState... allowed)
        {
            if (!valid(closer))
            {
                return PoolResult.UNKNOWN_CLOSER;
            }
            for (final CloserState state : allowed)
            {
                if (states[closer] == state)
                {
                    return PoolResult.OK;
                }
            }
            return PoolResult.ILLEGAL_TRANSITION;
        }

        void leave(final int closer)
        {
            available.remove(Integer.valueOf(closer));
            wrapUps.removeIf(w -> w[0] == closer);
        }

        PoolResult login(final int closer)
        {
            final PoolResult result = expect(closer, CloserState.OFFLINE);
            if (PoolResult.OK == result)
            {
                becomeAvailable(closer);
            }
            return result;
        }

        /**
         * An offer, call or wrap-up ended: the state asked for meanwhile, else available.
         */
        void release(final int closer)
        {
            final CloserState pending = pendingState[closer];
            pendingState[closer] = null;
            if (null == pending)
            {
                becomeAvailable(closer);
            }
            else
            {
                states[closer] = pending;
            }
        }

        boolean busy(final int closer)
        {
            return valid(closer) && (CloserState.OFFERED == states[closer] || CloserState.ON_CALL == states[closer]);
        }

        PoolResult logout(final int closer)
        {
            if (busy(closer))
            {
                pendingState[closer] = CloserState.OFFLINE;
                return PoolResult.DEFERRED;
            }
            if (valid(closer))
            {
                pendingState[closer] = null;
            }
            final PoolResult result = expect(closer, CloserState.AVAILABLE, CloserState.PAUSED, CloserState.WRAP_UP);
            if (PoolResult.OK == result)
            {
                leave(closer);
                states[closer] = CloserState.OFFLINE;
            }
            return result;
        }

        PoolResult pause(final int closer)
        {
            if (busy(closer))
            {
                if (CloserState.OFFLINE != pendingState[closer])
                {
                    pendingState[closer] = CloserState.PAUSED;
                }
                return PoolResult.DEFERRED;
            }
            final PoolResult result = expect(closer, CloserState.AVAILABLE, CloserState.PAUSED, CloserState.WRAP_UP);
            if (PoolResult.OK == result)
            {
                leave(closer);
                states[closer] = CloserState.PAUSED;
            }
            return result;
        }

        PoolResult resume(final int closer)
        {
            if (valid(closer) && CloserState.PAUSED == pendingState[closer])
            {
                pendingState[closer] = null;
                return PoolResult.OK;
            }
            final PoolResult result = expect(closer, CloserState.PAUSED);
            if (PoolResult.OK == result)
            {
                becomeAvailable(closer);
            }
            return result;
        }

        PoolResult connect(final int closer)
        {
            final PoolResult result = expect(closer, CloserState.OFFERED);
            if (PoolResult.OK == result)
            {
                states[closer] = CloserState.ON_CALL;
            }
            return result;
        }

        PoolResult endOffer(final int closer)
        {
            final PoolResult result = expect(closer, CloserState.OFFERED);
            if (PoolResult.OK == result)
            {
                callerOf[closer] = Long.MIN_VALUE;
                release(closer);
            }
            return result;
        }

        PoolResult endCall(final int closer, final long now)
        {
            final PoolResult result = expect(closer, CloserState.ON_CALL);
            if (PoolResult.OK == result)
            {
                callerOf[closer] = Long.MIN_VALUE;
                states[closer] = CloserState.WRAP_UP;
                wrapUps.add(new long[]{closer, now + WRAP_UP_MS});
            }
            return result;
        }

        PoolResult endWrapUp(final int closer)
        {
            final PoolResult result = expect(closer, CloserState.WRAP_UP);
            if (PoolResult.OK == result)
            {
                leave(closer);
                release(closer);
            }
            return result;
        }

        int expire(final long now)
        {
            int expired = 0;
            while (!wrapUps.isEmpty() && wrapUps.get(0)[1] <= now)
            {
                final int closer = (int)wrapUps.remove(0)[0];
                release(closer);
                expired++;
            }
            return expired;
        }

        PoolResult abandon(final long caller)
        {
            return waiting.removeIf(w -> w[0] == caller) ? PoolResult.OK : PoolResult.NOT_WAITING;
        }

        int longestIdle(final int skill)
        {
            for (final int c : available)
            {
                if (has(c, skill))
                {
                    return c;
                }
            }
            return CloserPool.NULL_CLOSER;
        }

        int availableCount(final int skill)
        {
            int count = 0;
            for (final int c : available)
            {
                count += has(c, skill) ? 1 : 0;
            }
            return count;
        }

        int waitingCount(final int skill)
        {
            int count = 0;
            for (final long[] w : waiting)
            {
                count += w[1] == skill ? 1 : 0;
            }
            return count;
        }

        long oldestWaiting(final int skill)
        {
            for (final long[] w : waiting)
            {
                if (w[1] == skill)
                {
                    return w[0];
                }
            }
            return Long.MIN_VALUE;
        }

        long nextWrapUpDeadline()
        {
            return wrapUps.isEmpty() ? Long.MAX_VALUE : wrapUps.get(0)[1];
        }
    }
}
