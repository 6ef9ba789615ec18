/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

import java.util.Arrays;

import org.agrona.collections.Long2LongHashMap;

/**
 * Gives a qualified caller the longest-idle available closer with the skill; when none is free the caller waits in a
 * per-skill FIFO and the next closer with that skill to become available takes the oldest waiting caller across all
 * of its skills. Owns every closer state change of the {@link CloserPool}.
 * <p>
 * Data structures, all preallocated (no allocation per operation):
 * <ul>
 *     <li>per skill, an intrusive doubly-linked list of available closers, appended at the tail when a closer becomes
 *     available, so the head is the longest idle; a closer is in the list of each of its skills through one
 *     node per skill slot. Each closer has one record of {@code 1 + 3 * maxSkillsPerCloser} ints in a single array
 *     (skill count, skill ids, then prev and next for each slot), so its own data is one or two cache lines; the
 *     skills are copied from the pool at login. Unlinking a closer is O(skills of the closer);</li>
 *     <li>per skill, an intrusive doubly-linked FIFO of waiting callers, entries taken from a fixed free list; a
 *     global enqueue sequence lets a closer with several skills take the oldest caller across them; a caller who
 *     hangs up while queued is unlinked in O(1) through a caller id to entry map ({@link #abandon(long)});</li>
 *     <li>an intrusive list of closers in wrap-up, in deadline order ({@link #expireWrapUps(long)}).</li>
 * </ul>
 * Exclusion: a caller can exclude one closer (the one who just declined it). An excluded closer at the head of a
 * skill list is passed over (O(1)); a closer becoming available skips the queued callers that exclude it, so that
 * step is O(skills of the closer + queued callers that declined this closer), in practice O(skills).
 * <p>
 * Single writer: not thread safe, no locks.
 */
public final class Matcher
{
    /**
     * {@link #assign(long, int, int, long)}: no closer free, the caller waits in the skill's FIFO.
     */
    public static final int QUEUED = -2;

    /**
     * {@link #assign(long, int, int, long)}: no closer free and the waiting capacity is used up; nothing changed.
     */
    public static final int QUEUE_FULL = -3;

    /**
     * {@link #assign(long, int, int, long)}: the skill id is not in the registry; nothing changed.
     */
    public static final int UNKNOWN_SKILL = -4;

    /**
     * {@link #assign(long, int, int, long)}: the caller is already waiting; nothing changed.
     */
    public static final int ALREADY_QUEUED = -5;

    /** {@link #pendingAction}: nothing asked for. */
    public static final byte PENDING_NONE = 0;

    /** {@link #pendingAction}: pause when the offer, call or wrap-up ends. */
    public static final byte PENDING_PAUSE = 1;

    /** {@link #pendingAction}: log out when the offer, call or wrap-up ends. */
    public static final byte PENDING_LOGOUT = 2;

    private static final int NULL = -1;
    private static final long NO_CALLER = Long.MIN_VALUE;

    private final CloserPool pool;
    private final SkillRegistry skills;
    private final MatchListener listener;
    private final int maxSkills;
    private final int recordStride;
    private final long wrapUpMs;

    private final int[] records;
    private final int[] availHead;
    private final int[] availTail;
    private final int[] availCount;

    private final long[] entryCaller;
    private final long[] entrySeq;
    private final int[] entrySkill;
    private final int[] entryExcluded;
    private final int[] entryPrev;
    private final int[] entryNext;
    private final int[] waitHead;
    private final int[] waitTail;
    private final int[] waitCount;
    private final Long2LongHashMap entryByCaller;
    private int freeEntry;
    private int waitingTotal;
    private long nextSeq;

    private final byte[] pending;
    private final String[] pendingReason;
    private final long[] wrapDeadline;
    private final int[] wrapPrev;
    private final int[] wrapNext;
    private int wrapHead = NULL;
    private int wrapTail = NULL;

    /**
     * A matcher over a pool, sized to the pool's and the registry's capacities.
     *
     * @param pool              the closers; all of them should be added before they log in.
     * @param maxWaitingCallers how many callers can wait at once, across all skills.
     * @param wrapUpMs          wrap-up time after a call; 0 makes the closer available at once.
     * @param listener          told when a waiting caller gets a closer.
     */
    public Matcher(
        final CloserPool pool, final int maxWaitingCallers, final long wrapUpMs, final MatchListener listener)
    {
        if (maxWaitingCallers < 1 || wrapUpMs < 0)
        {
            throw new IllegalArgumentException(
                "maxWaitingCallers must be >= 1 and wrapUpMs >= 0: " + maxWaitingCallers + ", " + wrapUpMs);
        }
        this.pool = pool;
        this.skills = pool.skills();
        this.listener = listener;
        this.maxSkills = pool.maxSkillsPerCloser();
        this.recordStride = 1 + 3 * maxSkills;
        this.wrapUpMs = wrapUpMs;

        final int skillCapacity = skills.capacity();
        records = new int[pool.capacity() * recordStride];
        availHead = filled(skillCapacity);
        availTail = filled(skillCapacity);
        availCount = new int[skillCapacity];

        entryCaller = new long[maxWaitingCallers];
        entrySeq = new long[maxWaitingCallers];
        entrySkill = new int[maxWaitingCallers];
        entryExcluded = new int[maxWaitingCallers];
        entryPrev = new int[maxWaitingCallers];
        entryNext = new int[maxWaitingCallers];
        for (int i = 0; i < maxWaitingCallers; i++)
        {
            entryNext[i] = i + 1 < maxWaitingCallers ? i + 1 : NULL;
        }
        freeEntry = 0;
        waitHead = filled(skillCapacity);
        waitTail = filled(skillCapacity);
        waitCount = new int[skillCapacity];
        entryByCaller = new Long2LongHashMap(maxWaitingCallers * 2, 0.65f, NULL);

        pending = new byte[pool.capacity()];
        pendingReason = new String[pool.capacity()];
        wrapDeadline = new long[pool.capacity()];
        wrapPrev = new int[pool.capacity()];
        wrapNext = new int[pool.capacity()];
    }

    /**
     * The pool this matcher drives.
     *
     * @return the pool.
     */
    public CloserPool pool()
    {
        return pool;
    }

    /**
     * Finds a closer for a caller: the longest-idle available closer with the skill other than the excluded one,
     * which becomes {@link CloserState#OFFERED}; when there is none the caller waits in the skill's FIFO. O(1).
     *
     * @param callerId       the caller (or transfer) id; unique among waiting callers.
     * @param skill          the skill id.
     * @param excludedCloser a closer never to give this caller (the one who just declined), or
     *                       {@link CloserPool#NULL_CLOSER}.
     * @param nowMs          the time of the request.
     * @return the closer index, or {@link #QUEUED}, {@link #QUEUE_FULL}, {@link #UNKNOWN_SKILL},
     * {@link #ALREADY_QUEUED}.
     */
    public int assign(final long callerId, final int skill, final int excludedCloser, final long nowMs)
    {
        if (skill < 0 || skill >= skills.size())
        {
            return UNKNOWN_SKILL;
        }
        if (0 != waitingTotal && entryByCaller.containsKey(callerId))
        {
            return ALREADY_QUEUED;
        }

        int node = availHead[skill];
        if (NULL != node && node / recordStride == excludedCloser)
        {
            node = records[node + 1];
        }
        if (NULL != node)
        {
            final int closer = node / recordStride;
            unlinkAvailable(closer);
            offer(closer, callerId, nowMs);
            return closer;
        }

        final int entry = freeEntry;
        if (NULL == entry)
        {
            return QUEUE_FULL;
        }
        freeEntry = entryNext[entry];
        entryCaller[entry] = callerId;
        entrySeq[entry] = nextSeq++;
        entrySkill[entry] = skill;
        entryExcluded[entry] = excludedCloser;
        entryNext[entry] = NULL;
        entryPrev[entry] = waitTail[skill];
        if (NULL == waitTail[skill])
        {
            waitHead[skill] = entry;
        }
        else
        {
            entryNext[waitTail[skill]] = entry;
        }
        waitTail[skill] = entry;
        waitCount[skill]++;
        waitingTotal++;
        entryByCaller.put(callerId, entry);
        return QUEUED;
    }

    /**
     * Removes a waiting caller from its queue (hung up, hold limit, transfer cancelled). O(1).
     *
     * @param callerId the caller id.
     * @return {@link PoolResult#OK} or {@link PoolResult#NOT_WAITING}.
     */
    public PoolResult abandon(final long callerId)
    {
        final long entry = entryByCaller.get(callerId);
        if (NULL == entry)
        {
            return PoolResult.NOT_WAITING;
        }
        removeEntry((int)entry);
        return PoolResult.OK;
    }

    /**
     * A closer logs in: {@link CloserState#OFFLINE} to available (or straight to a waiting caller).
     *
     * @param closer the closer index.
     * @param nowMs  the time.
     * @return the result.
     */
    public PoolResult login(final int closer, final long nowMs)
    {
        final PoolResult result = check(closer, CloserState.OFFLINE);
        if (PoolResult.OK == result)
        {
            final int base = closer * recordStride;
            final int skillCount = pool.skillCount(closer);
            records[base] = skillCount;
            for (int slot = 0; slot < skillCount; slot++)
            {
                records[base + 1 + slot] = pool.skill(closer, slot);
            }
            becomeAvailable(closer, nowMs);
        }
        return result;
    }

    /**
     * A closer logs out, from available, paused or wrap-up; while offered a caller or on a call, when that ends.
     *
     * @param closer the closer index.
     * @param nowMs  the time.
     * @return the result: {@link PoolResult#DEFERRED} while offered or on a call, {@link PoolResult#ILLEGAL_TRANSITION}
     * when already logged out.
     */
    public PoolResult logout(final int closer, final long nowMs)
    {
        if (!pool.isValid(closer))
        {
            return PoolResult.UNKNOWN_CLOSER;
        }
        final CloserState state = pool.state(closer);
        if (CloserState.OFFERED == state || CloserState.ON_CALL == state)
        {
            pending[closer] = PENDING_LOGOUT;
            pendingReason[closer] = null;
            return PoolResult.DEFERRED;
        }
        pending[closer] = PENDING_NONE;
        if (CloserState.AVAILABLE == state)
        {
            unlinkAvailable(closer);
        }
        else if (CloserState.WRAP_UP == state)
        {
            unlinkWrapUp(closer);
        }
        else if (CloserState.PAUSED != state)
        {
            return PoolResult.ILLEGAL_TRANSITION;
        }
        pool.state(closer, CloserState.OFFLINE, nowMs);
        return PoolResult.OK;
    }

    /**
     * A closer pauses, from available, wrap-up or paused (which changes the reason).
     *
     * @param closer the closer index.
     * @param reason why, shown to supervisors.
     * @param nowMs  the time.
     * @return the result: {@link PoolResult#DEFERRED} while offered or on a call (the closer pauses when that ends,
     * after the wrap-up of a call), {@link PoolResult#ILLEGAL_TRANSITION} while logged out.
     */
    public PoolResult pause(final int closer, final String reason, final long nowMs)
    {
        if (!pool.isValid(closer))
        {
            return PoolResult.UNKNOWN_CLOSER;
        }
        final CloserState state = pool.state(closer);
        if (CloserState.OFFERED == state || CloserState.ON_CALL == state)
        {
            if (PENDING_LOGOUT != pending[closer])
            {
                pending[closer] = PENDING_PAUSE;
                pendingReason[closer] = reason;
            }
            return PoolResult.DEFERRED;
        }
        if (CloserState.AVAILABLE == state)
        {
            unlinkAvailable(closer);
        }
        else if (CloserState.WRAP_UP == state)
        {
            unlinkWrapUp(closer);
        }
        else if (CloserState.PAUSED != state)
        {
            return PoolResult.ILLEGAL_TRANSITION;
        }
        pool.state(closer, CloserState.PAUSED, nowMs);
        pool.pauseReason(closer, reason);
        return PoolResult.OK;
    }

    /**
     * A paused closer resumes: available, or straight to a waiting caller.
     *
     * @param closer the closer index.
     * @param nowMs  the time.
     * @return the result.
     */
    public PoolResult resume(final int closer, final long nowMs)
    {
        if (pool.isValid(closer) && PENDING_PAUSE == pending[closer])
        {
            pending[closer] = PENDING_NONE;
            pendingReason[closer] = null;
            return PoolResult.OK;
        }
        final PoolResult result = check(closer, CloserState.PAUSED);
        if (PoolResult.OK == result)
        {
            becomeAvailable(closer, nowMs);
        }
        return result;
    }

    /**
     * An offered closer accepted and is now talking to the caller.
     *
     * @param closer the closer index.
     * @param nowMs  the time.
     * @return the result.
     */
    public PoolResult connect(final int closer, final long nowMs)
    {
        final PoolResult result = check(closer, CloserState.OFFERED);
        if (PoolResult.OK == result)
        {
            pool.state(closer, CloserState.ON_CALL, nowMs);
        }
        return result;
    }

    /**
     * An offer ended without a call (declined, no answer, busy, failed, cancelled): the closer is available again,
     * at the tail (it has just stopped being idle), or takes a waiting caller at once.
     *
     * @param closer the closer index.
     * @param nowMs  the time.
     * @return the result.
     */
    public PoolResult endOffer(final int closer, final long nowMs)
    {
        final PoolResult result = check(closer, CloserState.OFFERED);
        if (PoolResult.OK == result)
        {
            pool.callerOf(closer, NO_CALLER);
            release(closer, nowMs);
        }
        return result;
    }

    /**
     * A call ended: the closer goes to wrap-up until {@code nowMs + wrapUpMs} (see {@link #expireWrapUps(long)}), or
     * is available at once when the wrap-up time is 0.
     *
     * @param closer the closer index.
     * @param nowMs  the time.
     * @return the result.
     */
    public PoolResult endCall(final int closer, final long nowMs)
    {
        final PoolResult result = check(closer, CloserState.ON_CALL);
        if (PoolResult.OK == result)
        {
            pool.callerOf(closer, NO_CALLER);
            if (0 == wrapUpMs)
            {
                release(closer, nowMs);
            }
            else
            {
                pool.state(closer, CloserState.WRAP_UP, nowMs);
                wrapDeadline[closer] = nowMs + wrapUpMs;
                wrapNext[closer] = NULL;
                wrapPrev[closer] = wrapTail;
                if (NULL == wrapTail)
                {
                    wrapHead = closer;
                }
                else
                {
                    wrapNext[wrapTail] = closer;
                }
                wrapTail = closer;
            }
        }
        return result;
    }

    /**
     * A closer ends wrap-up early ("ready" on the console).
     *
     * @param closer the closer index.
     * @param nowMs  the time.
     * @return the result.
     */
    public PoolResult endWrapUp(final int closer, final long nowMs)
    {
        final PoolResult result = check(closer, CloserState.WRAP_UP);
        if (PoolResult.OK == result)
        {
            unlinkWrapUp(closer);
            release(closer, nowMs);
        }
        return result;
    }

    /**
     * Makes available every closer whose wrap-up deadline is at or before {@code nowMs}. Wrap-ups are kept in the
     * order they started, which is deadline order since the wrap-up time is fixed and time does not go back; each
     * expiry is O(skills of the closer). Call it from the controller's timer tick.
     *
     * @param nowMs the time.
     * @return how many closers left wrap-up.
     */
    public int expireWrapUps(final long nowMs)
    {
        int expired = 0;
        while (NULL != wrapHead && wrapDeadline[wrapHead] <= nowMs)
        {
            final int closer = wrapHead;
            unlinkWrapUp(closer);
            release(closer, nowMs);
            expired++;
        }
        return expired;
    }

    /**
     * The earliest wrap-up deadline, to schedule the next {@link #expireWrapUps(long)}.
     *
     * @return the deadline in ms, or {@link Long#MAX_VALUE} when nobody is in wrap-up.
     */
    public long nextWrapUpDeadline()
    {
        return NULL == wrapHead ? Long.MAX_VALUE : wrapDeadline[wrapHead];
    }

    /**
     * When a closer's wrap-up ends.
     *
     * @param closer the closer index, in {@link CloserState#WRAP_UP}.
     * @return the deadline in ms.
     */
    public long wrapUpDeadline(final int closer)
    {
        return wrapDeadline[closer];
    }

    /**
     * The caller a closer is offered to or talking to.
     *
     * @param closer the closer index.
     * @return the caller id, or {@link Long#MIN_VALUE} when none.
     */
    public long callerOf(final int closer)
    {
        return pool.callerOf(closer);
    }

    /**
     * Whether a caller is waiting in a queue.
     *
     * @param callerId the caller id.
     * @return true if queued.
     */
    public boolean isQueued(final long callerId)
    {
        return entryByCaller.containsKey(callerId);
    }

    /**
     * Number of callers waiting for a skill.
     *
     * @param skill the skill id.
     * @return the queue length.
     */
    public int waitingCount(final int skill)
    {
        return waitCount[skill];
    }

    /**
     * Number of callers waiting across all skills.
     *
     * @return the total.
     */
    public int waitingCount()
    {
        return waitingTotal;
    }

    /**
     * Number of available closers with a skill.
     *
     * @param skill the skill id.
     * @return the count.
     */
    public int availableCount(final int skill)
    {
        return availCount[skill];
    }

    /**
     * The longest-idle available closer with a skill, without assigning it.
     *
     * @param skill the skill id.
     * @return the closer index or {@link CloserPool#NULL_CLOSER}.
     */
    public int longestIdle(final int skill)
    {
        final int node = availHead[skill];
        return NULL == node ? CloserPool.NULL_CLOSER : node / recordStride;
    }

    /**
     * The oldest caller waiting for a skill.
     *
     * @param skill the skill id.
     * @return the caller id, or {@link Long#MIN_VALUE} when nobody waits.
     */
    public long oldestWaiting(final int skill)
    {
        final int entry = waitHead[skill];
        return NULL == entry ? NO_CALLER : entryCaller[entry];
    }

    private PoolResult check(final int closer, final CloserState expected)
    {
        if (!pool.isValid(closer))
        {
            return PoolResult.UNKNOWN_CLOSER;
        }
        return expected == pool.state(closer) ? PoolResult.OK : PoolResult.ILLEGAL_TRANSITION;
    }

    /**
     * What a closer asked for while busy: {@link #PENDING_NONE}, {@link #PENDING_PAUSE} or {@link #PENDING_LOGOUT}.
     *
     * @param closer the closer index.
     * @return the pending action.
     */
    public int pendingAction(final int closer)
    {
        return pending[closer];
    }

    /**
     * The reason of a deferred pause.
     *
     * @param closer the closer index.
     * @return the reason, or null.
     */
    public String pendingPauseReason(final int closer)
    {
        return pendingReason[closer];
    }

    /**
     * A closer whose offer, call or wrap-up ended: paused or logged out when it asked for that meanwhile, else
     * available (or straight to a waiting caller).
     */
    private void release(final int closer, final long nowMs)
    {
        final byte action = pending[closer];
        pending[closer] = PENDING_NONE;
        if (PENDING_LOGOUT == action)
        {
            pool.state(closer, CloserState.OFFLINE, nowMs);
        }
        else if (PENDING_PAUSE == action)
        {
            pool.state(closer, CloserState.PAUSED, nowMs);
            pool.pauseReason(closer, pendingReason[closer]);
            pendingReason[closer] = null;
        }
        else
        {
            becomeAvailable(closer, nowMs);
        }
    }

    private void offer(final int closer, final long callerId, final long nowMs)
    {
        pool.state(closer, CloserState.OFFERED, nowMs);
        pool.callerOf(closer, callerId);
    }

    private void becomeAvailable(final int closer, final long nowMs)
    {
        final int base = closer * recordStride;
        final int skillCount = records[base];
        int best = NULL;
        long bestSeq = Long.MAX_VALUE;
        for (int slot = 0; slot < skillCount; slot++)
        {
            int entry = waitHead[records[base + 1 + slot]];
            while (NULL != entry && entryExcluded[entry] == closer)
            {
                entry = entryNext[entry];
            }
            if (NULL != entry && entrySeq[entry] < bestSeq)
            {
                best = entry;
                bestSeq = entrySeq[entry];
            }
        }

        if (NULL != best)
        {
            final long callerId = entryCaller[best];
            final int skill = entrySkill[best];
            removeEntry(best);
            offer(closer, callerId, nowMs);
            listener.onMatched(callerId, closer, skill);
            return;
        }

        pool.state(closer, CloserState.AVAILABLE, nowMs);
        for (int slot = 0; slot < skillCount; slot++)
        {
            final int skill = records[base + 1 + slot];
            final int node = base + 1 + maxSkills + (slot << 1);
            final int tail = availTail[skill];
            records[node] = tail;
            records[node + 1] = NULL;
            if (NULL == tail)
            {
                availHead[skill] = node;
            }
            else
            {
                records[tail + 1] = node;
            }
            availTail[skill] = node;
            availCount[skill]++;
        }
    }

    private void unlinkAvailable(final int closer)
    {
        final int base = closer * recordStride;
        for (int slot = 0, n = records[base]; slot < n; slot++)
        {
            final int skill = records[base + 1 + slot];
            final int node = base + 1 + maxSkills + (slot << 1);
            final int prev = records[node];
            final int next = records[node + 1];
            if (NULL == prev)
            {
                availHead[skill] = next;
            }
            else
            {
                records[prev + 1] = next;
            }
            if (NULL == next)
            {
                availTail[skill] = prev;
            }
            else
            {
                records[next] = prev;
            }
            availCount[skill]--;
        }
    }

    private void removeEntry(final int entry)
    {
        final int skill = entrySkill[entry];
        final int prev = entryPrev[entry];
        final int next = entryNext[entry];
        if (NULL == prev)
        {
            waitHead[skill] = next;
        }
        else
        {
            entryNext[prev] = next;
        }
        if (NULL == next)
        {
            waitTail[skill] = prev;
        }
        else
        {
            entryPrev[next] = prev;
        }
        waitCount[skill]--;
        waitingTotal--;
        entryByCaller.remove(entryCaller[entry]);
        entryNext[entry] = freeEntry;
        freeEntry = entry;
    }

    private void unlinkWrapUp(final int closer)
    {
        final int prev = wrapPrev[closer];
        final int next = wrapNext[closer];
        if (NULL == prev)
        {
            wrapHead = next;
        }
        else
        {
            wrapNext[prev] = next;
        }
        if (NULL == next)
        {
            wrapTail = prev;
        }
        else
        {
            wrapPrev[next] = prev;
        }
    }

    private static int[] filled(final int length)
    {
        final int[] array = new int[length];
        Arrays.fill(array, NULL);
        return array;
    }
}
