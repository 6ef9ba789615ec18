/*
 * Dialer transfer module tests.
 */
package io.dialer.transfer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many transfers driven against one real {@link Matcher} by a stand-in for the dialer, with random events (closer
 * answers, busy, keys, hang-ups on both sides, late answers of cancelled dials, timers, prompt ends). After every
 * event: no closer is reserved by a transfer that does not hold it, no answered closer leg is left on a dead line, a
 * transfer never has two closer legs, every queued transfer is in the matcher and every ended transfer ended once.
 */
class WarmTransferMatcherTest
{
    private static final int CLOSERS = 8;
    private static final int SKILLS = 2;
    private static final int STEPS = 10_000;

    private enum Leg
    {
        DIALING, CANCELLING, ANSWERED
    }

    private final TreeMap<Long, WarmTransfer> transfers = new TreeMap<>();
    private final Map<Long, Map<Integer, Leg>> legs = new HashMap<>();
    private final Map<Long, EnumMap<TimerKind, Long>> timers = new HashMap<>();
    private final Map<Long, Prompt> callerPrompts = new HashMap<>();
    private final Map<Long, Prompt> closerPrompts = new HashMap<>();
    private final Map<Long, Integer> ended = new HashMap<>();
    private final Map<Long, Boolean> bridging = new HashMap<>();
    private final Map<TransferOutcome, Integer> outcomes = new EnumMap<>(TransferOutcome.class);
    private final Set<Long> open = new LinkedHashSet<>();
    private Matcher matcher;
    private CloserPool pool;
    private long now;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8, 9, 2024})
    void shouldNeverLoseACallerOrLeaveACloserOnADeadLine(final long seed)
    {
        final Random random = new Random(seed);
        final SkillRegistry skills = new SkillRegistry(SKILLS);
        pool = new CloserPool(skills, CLOSERS, SKILLS);
        for (int c = 0; c < CLOSERS; c++)
        {
            final String[] closerSkills = c % 3 == 0 ? new String[]{"a", "b"} : new String[]{c % 2 == 0 ? "a" : "b"};
            pool.add("c" + c, "C" + c, "sip:c" + c, closerSkills);
        }
        matcher = new Matcher(pool, 4, 1_000,
            (caller, closer, skill) -> transfers.get(caller).onCloserAssigned(closer, now));
        final TransferConfiguration.Context context = new TransferConfiguration.Context()
            .reassuranceIntervalMs(5_000).ringTimeoutMs(4_000).decisionTimeoutMs(3_000).promptGuardMs(2_000)
            .maxAttempts(3).holdLimitMs(30_000).introduction(seed % 2 == 0).conclude();
        final TransferCommands glue = new Glue();
        long nextId = 1;

        for (int step = 0; step < STEPS; step++)
        {
            now += random.nextInt(200);
            final List<Long> active = new ArrayList<>();
            for (final long id : open)
            {
                if (!transfers.get(id).state().terminal())
                {
                    active.add(id);
                }
            }
            final int dice = random.nextInt(100);
            if (dice < 6 && active.size() < 6)
            {
                final long id = nextId++;
                final WarmTransfer transfer = new WarmTransfer(context, glue);
                transfers.put(id, transfer);
                open.add(id);
                transfer.start(id, random.nextInt(SKILLS), now);
            }
            else if (dice < 14)
            {
                final int closer = random.nextInt(CLOSERS);
                switch (random.nextInt(5))
                {
                    case 0 -> matcher.login(closer, now);
                    case 1 -> matcher.pause(closer, "break", now);
                    case 2 -> matcher.resume(closer, now);
                    case 3 -> matcher.logout(closer, now);
                    default -> matcher.expireWrapUps(now);
                }
            }
            else if (dice < 18)
            {
                endACompletedCall(random);
            }
            else if (!active.isEmpty())
            {
                event(random, active.get(random.nextInt(active.size())));
            }
            checkInvariants("seed " + seed + " step " + step);
        }

        for (int round = 0; round < 200 && transfers.values().stream().anyMatch(t -> !t.state().terminal()); round++)
        {
            for (final long id : new ArrayList<>(open))
            {
                final WarmTransfer transfer = transfers.get(id);
                if (bridging.getOrDefault(id, false))
                {
                    bridging.put(id, false);
                    transfer.onBridged(now);
                }
                final EnumMap<TimerKind, Long> armed = timers.get(id);
                if (null != armed && !armed.isEmpty())
                {
                    final Map.Entry<TimerKind, Long> first = armed.entrySet().stream()
                        .min(Map.Entry.comparingByValue()).orElseThrow();
                    now = Math.max(now, first.getValue());
                    armed.remove(first.getKey());
                    transfer.onTimer(first.getKey(), now);
                }
            }
            checkInvariants("seed " + seed + " drain " + round);
        }
        transfers.forEach((id, t) -> assertTrue(t.state().terminal(), "transfer " + id + " never ended: " + t.state()));
        assertTrue(outcomes.getOrDefault(TransferOutcome.COMPLETED, 0) > 0, outcomes.toString());
        assertTrue(outcomes.getOrDefault(TransferOutcome.CALLER_HUNG_UP, 0) > 0, outcomes.toString());
        assertTrue(outcomes.getOrDefault(TransferOutcome.ATTEMPTS_EXHAUSTED, 0) > 0, outcomes.toString());
        assertTrue(outcomes.getOrDefault(TransferOutcome.HOLD_LIMIT, 0) > 0, outcomes.toString());
    }

    private void event(final Random random, final long id)
    {
        final WarmTransfer transfer = transfers.get(id);
        final Map<Integer, Leg> transferLegs = legs.computeIfAbsent(id, k -> new HashMap<>());
        final int dice = random.nextInt(100);
        if (dice < 3)
        {
            transfer.onCallerHungUp(now);
            return;
        }
        if (dice < 15)
        {
            final EnumMap<TimerKind, Long> armed = timers.get(id);
            if (null != armed && !armed.isEmpty())
            {
                final List<TimerKind> kinds = new ArrayList<>(armed.keySet());
                final TimerKind kind = kinds.get(random.nextInt(kinds.size()));
                now = Math.max(now, armed.remove(kind));
                transfer.onTimer(kind, now);
            }
            return;
        }
        if (dice < 25 && null != callerPrompts.get(id))
        {
            transfer.onCallerPromptFinished(callerPrompts.remove(id), now);
            return;
        }
        if (dice < 40 && null != closerPrompts.get(id))
        {
            transfer.onCloserPromptFinished(transfer.closer(), closerPrompts.remove(id), now);
            return;
        }
        if (dice < 45 && bridging.getOrDefault(id, false))
        {
            bridging.put(id, false);
            transfer.onBridged(now);
            return;
        }
        if (dice < 48)
        {
            if (random.nextBoolean())
            {
                transfer.onConsoleAccept(now);
            }
            else
            {
                transfer.onConsoleReject(now);
            }
            return;
        }
        if (transferLegs.isEmpty())
        {
            return;
        }
        final List<Integer> closers = new ArrayList<>(transferLegs.keySet());
        final int closer = closers.get(random.nextInt(closers.size()));
        final int roll = random.nextInt(10);
        switch (transferLegs.get(closer))
        {
            case DIALING ->
            {
                if (roll < 2)
                {
                    transfer.onCloserRinging(closer, now);
                }
                else if (roll < 7)
                {
                    transferLegs.put(closer, Leg.ANSWERED);
                    transfer.onCloserAnswered(closer, now);
                }
                else
                {
                    transferLegs.remove(closer);
                    if (roll < 9)
                    {
                        transfer.onCloserBusy(closer, now);
                    }
                    else
                    {
                        transfer.onCloserFailed(closer, 503, now);
                    }
                }
            }
            case CANCELLING ->
            {
                if (roll < 5 && closer != transfer.closer())
                {
                    transferLegs.put(closer, Leg.ANSWERED);
                    transfer.onCloserAnswered(closer, now);
                }
                else
                {
                    transferLegs.remove(closer);
                }
            }
            default ->
            {
                if (roll < 2)
                {
                    transferLegs.remove(closer);
                    transfer.onCloserHungUp(closer, now);
                }
                else
                {
                    transfer.onCloserKey(closer, "1919195".charAt(random.nextInt(7)), now);
                }
            }
        }
    }

    private void endACompletedCall(final Random random)
    {
        for (final long id : open)
        {
            final WarmTransfer transfer = transfers.get(id);
            final Map<Integer, Leg> transferLegs = legs.get(id);
            if (TransferState.COMPLETED == transfer.state() && null != transferLegs &&
                transferLegs.containsKey(transfer.closer()) && random.nextBoolean())
            {
                transferLegs.remove(transfer.closer());
                assertEquals(PoolResult.OK, matcher.endCall(transfer.closer(), now));
                return;
            }
        }
    }

    private void checkInvariants(final String where)
    {
        for (final Iterator<Long> it = open.iterator(); it.hasNext(); )
        {
            final long id = it.next();
            final WarmTransfer transfer = transfers.get(id);
            final TransferState state = transfer.state();
            int live = 0;
            for (final Map.Entry<Integer, Leg> leg : legs.getOrDefault(id, Map.of()).entrySet())
            {
                if (Leg.CANCELLING == leg.getValue())
                {
                    continue;
                }
                live++;
                assertEquals(transfer.closer(), (int)leg.getKey(), where + ": leg of a closer not held, " + id);
                if (Leg.ANSWERED == leg.getValue())
                {
                    assertTrue(state == TransferState.BRIEFING || state == TransferState.AWAITING_DECISION ||
                        state == TransferState.NOTIFYING_CLOSER ||
                        state == TransferState.BRIDGING || state == TransferState.COMPLETED,
                        where + ": closer on a dead line in " + state);
                }
                else
                {
                    assertTrue(state == TransferState.DIALING_CLOSER || state == TransferState.CLOSER_RINGING,
                        where + ": dial left running in " + state);
                }
            }
            assertTrue(live <= 1, where + ": two closer legs for transfer " + id);
            assertEquals(TransferState.WAITING_FOR_CLOSER == state, matcher.isQueued(id), where + " queued " + id);
            assertEquals(state.terminal() ? 1 : 0, ended.getOrDefault(id, 0), where + ": ended count of " + id);
            if (state.terminal())
            {
                assertFalse(timers.containsKey(id) && !timers.get(id).isEmpty(), where + ": timers left " + id);
                if (legs.getOrDefault(id, Map.of()).isEmpty())
                {
                    it.remove();
                }
            }
        }
        for (int c = 0; c < CLOSERS; c++)
        {
            final CloserState closerState = pool.state(c);
            if (CloserState.OFFERED == closerState || CloserState.ON_CALL == closerState)
            {
                final WarmTransfer holder = transfers.get(matcher.callerOf(c));
                assertNotNull(holder, where + ": closer " + c + " held by nobody");
                assertEquals(c, holder.closer(), where + ": closer " + c + " reserved for a transfer not holding it");
                final TransferState state = holder.state();
                if (CloserState.OFFERED == closerState)
                {
                    assertTrue(!state.terminal() && state != TransferState.BRIDGING,
                        where + ": closer " + c + " offered in " + state);
                }
                else
                {
                    assertTrue(state == TransferState.BRIDGING ||
                        state == TransferState.COMPLETED, where + ": closer " + c + " on call in " + state);
                }
            }
        }
    }

    /**
     * The stand-in for the dialer: commands applied to the matcher and to the simulated legs.
     */
    private final class Glue implements TransferCommands
    {
        public void journal(
            final long transferId, final long nowMs, final TransferEvent event, final TransferState from,
            final TransferState to)
        {
        }

        public void ignored(
            final long transferId, final long nowMs, final TransferEvent event, final TransferState state)
        {
        }

        public void playToCaller(final long transferId, final Prompt prompt, final boolean loop)
        {
            if (loop)
            {
                callerPrompts.remove(transferId);
            }
            else
            {
                callerPrompts.put(transferId, prompt);
            }
        }

        public void stopCallerPlayback(final long transferId)
        {
            callerPrompts.remove(transferId);
        }

        public void requestCloser(final long transferId, final int skill, final int excludedCloser)
        {
            final int result = matcher.assign(transferId, skill, excludedCloser, now);
            assertTrue(result != excludedCloser || CloserPool.NULL_CLOSER == excludedCloser, "declined closer again");
            if (result >= 0)
            {
                transfers.get(transferId).onCloserAssigned(result, now);
            }
            else if (Matcher.QUEUED != result)
            {
                transfers.get(transferId).onNoCloser(now);
            }
        }

        public void cancelCloserRequest(final long transferId)
        {
            assertEquals(PoolResult.OK, matcher.abandon(transferId));
        }

        public void dialCloser(final long transferId, final int closer, final boolean callerIdPassThrough)
        {
            legs.computeIfAbsent(transferId, k -> new HashMap<>()).put(closer, Leg.DIALING);
        }

        public void cancelCloserDial(final long transferId, final int closer)
        {
            assertEquals(Leg.DIALING, legs.get(transferId).get(closer));
            legs.get(transferId).put(closer, Leg.CANCELLING);
        }

        public void playToCloser(final long transferId, final int closer, final Prompt prompt)
        {
            assertEquals(Leg.ANSWERED, legs.get(transferId).get(closer));
            closerPrompts.put(transferId, prompt);
        }

        public void stopCloserPlayback(final long transferId, final int closer)
        {
            closerPrompts.remove(transferId);
        }

        public void hangUpCloser(final long transferId, final int closer)
        {
            assertEquals(Leg.ANSWERED, legs.get(transferId).remove(closer));
            closerPrompts.remove(transferId);
        }

        public void releaseCloser(final long transferId, final int closer)
        {
            assertEquals(PoolResult.OK, matcher.endOffer(closer, now));
            closerPrompts.remove(transferId);
        }

        public void closerConnected(final long transferId, final int closer)
        {
            assertEquals(PoolResult.OK, matcher.connect(closer, now));
        }

        public void closerCallEnded(final long transferId, final int closer)
        {
            assertEquals(PoolResult.OK, matcher.endCall(closer, now));
        }

        public void bridge(final long transferId, final int closer)
        {
            assertEquals(Leg.ANSWERED, legs.get(transferId).get(closer));
            bridging.put(transferId, true);
        }

        public void introduce(final long transferId, final int closer)
        {
            assertEquals(Leg.ANSWERED, legs.get(transferId).get(closer));
        }

        public void returnToCaller(final long transferId, final TransferOutcome outcome)
        {
        }

        public void startTimer(final long transferId, final TimerKind kind, final long deadlineMs)
        {
            timers.computeIfAbsent(transferId, k -> new EnumMap<>(TimerKind.class)).put(kind, deadlineMs);
        }

        public void cancelTimer(final long transferId, final TimerKind kind)
        {
            timers.get(transferId).remove(kind);
        }

        public void transferEnded(final long transferId, final TransferOutcome outcome, final int closer)
        {
            ended.merge(transferId, 1, Integer::sum);
            outcomes.merge(outcome, 1, Integer::sum);
            bridging.remove(transferId);
        }
    }
}
