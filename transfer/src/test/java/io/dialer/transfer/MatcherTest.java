/*
 * Dialer transfer module tests.
 */
package io.dialer.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatcherTest
{
    private static final long WRAP_UP_MS = 30_000;

    private final List<String> matches = new ArrayList<>();
    private SkillRegistry skills;
    private CloserPool pool;
    private Matcher matcher;
    private int sales;
    private int billing;
    private int spanish;

    @BeforeEach
    void setUp()
    {
        skills = new SkillRegistry(8);
        pool = new CloserPool(skills, 16, 3);
        pool.add("alice", "Alice", "sip:alice@floor", "sales");
        pool.add("bob", "Bob", "sip:bob@floor", "sales", "billing");
        pool.add("carol", "Carol", "sip:carol@floor", "billing", "spanish");
        pool.add("dave", "Dave", "sip:dave@floor", "sales", "spanish");
        sales = skills.skillId("sales");
        billing = skills.skillId("billing");
        spanish = skills.skillId("spanish");
        matcher = new Matcher(pool, 4, WRAP_UP_MS, (caller, closer, skill) ->
            matches.add(caller + "->" + pool.id(closer) + "/" + skills.name(skill)));
    }

    @Test
    void shouldGiveTheLongestIdleCloserWithTheSkill()
    {
        login(3, 100);
        login(1, 200);
        login(0, 300);

        assertEquals(3, matcher.assign(1, sales, CloserPool.NULL_CLOSER, 1_000));
        assertEquals(1, matcher.assign(2, sales, CloserPool.NULL_CLOSER, 1_000));
        assertEquals(0, matcher.assign(3, sales, CloserPool.NULL_CLOSER, 1_000));
        assertEquals(CloserState.OFFERED, pool.state(3));
        assertEquals(1, matcher.callerOf(3));
        assertEquals(0, matcher.availableCount(sales));
    }

    @Test
    void shouldPutACloserBackAtTheTailWhenItBecomesAvailableAgain()
    {
        login(0, 100);
        login(1, 200);
        assertEquals(0, matcher.assign(1, sales, CloserPool.NULL_CLOSER, 300));
        assertEquals(PoolResult.OK, matcher.endOffer(0, 400));

        assertEquals(400, pool.stateSinceMs(0));
        assertEquals(1, matcher.longestIdle(sales));
        assertEquals(1, matcher.assign(2, sales, CloserPool.NULL_CLOSER, 500));
        assertEquals(0, matcher.assign(3, sales, CloserPool.NULL_CLOSER, 500));
    }

    @Test
    void shouldNeverGiveTheExcludedCloser()
    {
        login(0, 100);
        login(1, 200);
        assertEquals(1, matcher.assign(1, sales, 0, 300));

        login(3, 400);
        assertEquals(Matcher.QUEUED, matcher.assign(2, spanish, 3, 500));
        assertEquals(CloserState.AVAILABLE, pool.state(3));
        assertEquals(1, matcher.waitingCount(spanish));
    }

    @Test
    void shouldQueueCallersPerSkillInArrivalOrder()
    {
        assertEquals(Matcher.QUEUED, matcher.assign(10, sales, CloserPool.NULL_CLOSER, 1));
        assertEquals(Matcher.QUEUED, matcher.assign(11, sales, CloserPool.NULL_CLOSER, 2));
        assertEquals(Matcher.QUEUED, matcher.assign(12, billing, CloserPool.NULL_CLOSER, 3));
        assertEquals(10, matcher.oldestWaiting(sales));
        assertEquals(3, matcher.waitingCount());

        login(0, 10);
        assertEquals(List.of("10->alice/sales"), matches);
        assertEquals(CloserState.OFFERED, pool.state(0));
        assertEquals(10, matcher.callerOf(0));
        assertEquals(0, matcher.availableCount(sales));

        login(2, 20);
        login(3, 30);
        assertEquals(List.of("10->alice/sales", "12->carol/billing", "11->dave/sales"), matches);
        assertEquals(0, matcher.waitingCount());
        assertFalse(matcher.isQueued(11));
    }

    @Test
    void shouldTakeTheOldestCallerAcrossTheClosersSkills()
    {
        matcher.assign(20, billing, CloserPool.NULL_CLOSER, 1);
        matcher.assign(21, sales, CloserPool.NULL_CLOSER, 2);
        matcher.assign(22, billing, CloserPool.NULL_CLOSER, 3);

        login(1, 10);
        login(1 + 2, 11);
        login(1 + 1, 12);
        assertEquals(List.of("20->bob/billing", "21->dave/sales", "22->carol/billing"), matches);
    }

    @Test
    void shouldPassOverQueuedCallersThatExcludeTheCloser()
    {
        matcher.assign(30, sales, 0, 1);
        matcher.assign(31, sales, CloserPool.NULL_CLOSER, 2);

        login(0, 10);
        assertEquals(List.of("31->alice/sales"), matches);
        assertEquals(30, matcher.oldestWaiting(sales));

        login(3, 20);
        assertEquals(List.of("31->alice/sales", "30->dave/sales"), matches);
    }

    @Test
    void shouldRejectWhenTheQueueIsFullAndChangeNothing()
    {
        for (int i = 0; i < 4; i++)
        {
            assertEquals(Matcher.QUEUED, matcher.assign(i, sales, CloserPool.NULL_CLOSER, i));
        }
        assertEquals(Matcher.QUEUE_FULL, matcher.assign(99, billing, CloserPool.NULL_CLOSER, 5));
        assertEquals(4, matcher.waitingCount());
        assertEquals(0, matcher.waitingCount(billing));
        assertFalse(matcher.isQueued(99));

        assertEquals(PoolResult.OK, matcher.abandon(2));
        assertEquals(Matcher.QUEUED, matcher.assign(99, billing, CloserPool.NULL_CLOSER, 6));
    }

    @Test
    void shouldRejectUnknownSkillsAndDuplicateCallers()
    {
        assertEquals(Matcher.UNKNOWN_SKILL, matcher.assign(1, 5, CloserPool.NULL_CLOSER, 0));
        assertEquals(Matcher.UNKNOWN_SKILL, matcher.assign(1, -1, CloserPool.NULL_CLOSER, 0));
        assertEquals(Matcher.QUEUED, matcher.assign(1, sales, CloserPool.NULL_CLOSER, 0));
        assertEquals(Matcher.ALREADY_QUEUED, matcher.assign(1, billing, CloserPool.NULL_CLOSER, 0));
        assertEquals(1, matcher.waitingCount());
    }

    @Test
    void shouldRemoveAnAbandonedCallerFromAnyPlaceInItsQueue()
    {
        matcher.assign(1, sales, CloserPool.NULL_CLOSER, 0);
        matcher.assign(2, sales, CloserPool.NULL_CLOSER, 0);
        matcher.assign(3, sales, CloserPool.NULL_CLOSER, 0);

        assertEquals(PoolResult.OK, matcher.abandon(2));
        assertEquals(PoolResult.NOT_WAITING, matcher.abandon(2));
        assertEquals(PoolResult.OK, matcher.abandon(1));
        assertEquals(3, matcher.oldestWaiting(sales));
        assertEquals(PoolResult.OK, matcher.abandon(3));
        assertEquals(Long.MIN_VALUE, matcher.oldestWaiting(sales));

        login(0, 10);
        assertTrue(matches.isEmpty());
        assertEquals(CloserState.AVAILABLE, pool.state(0));
    }

    @Test
    void shouldWrapUpForTheConfiguredTimeThenBeAvailable()
    {
        login(0, 0);
        login(3, 0);
        matcher.assign(1, sales, CloserPool.NULL_CLOSER, 10);
        matcher.assign(2, sales, CloserPool.NULL_CLOSER, 10);
        assertEquals(PoolResult.OK, matcher.connect(0, 20));
        assertEquals(PoolResult.OK, matcher.connect(3, 20));
        assertEquals(PoolResult.OK, matcher.endCall(0, 1_000));
        assertEquals(PoolResult.OK, matcher.endCall(3, 2_000));
        assertEquals(CloserState.WRAP_UP, pool.state(0));
        assertEquals(1_000 + WRAP_UP_MS, matcher.wrapUpDeadline(0));
        assertEquals(1_000 + WRAP_UP_MS, matcher.nextWrapUpDeadline());

        assertEquals(0, matcher.expireWrapUps(1_000 + WRAP_UP_MS - 1));
        assertEquals(1, matcher.expireWrapUps(1_000 + WRAP_UP_MS));
        assertEquals(CloserState.AVAILABLE, pool.state(0));
        assertEquals(CloserState.WRAP_UP, pool.state(3));
        assertEquals(1, matcher.expireWrapUps(10 * WRAP_UP_MS));
        assertEquals(Long.MAX_VALUE, matcher.nextWrapUpDeadline());
        assertEquals(0, matcher.longestIdle(sales));
    }

    @Test
    void shouldLeaveWrapUpEarlyOnReadyPauseOrLogout()
    {
        for (int closer = 0; closer < 4; closer++)
        {
            login(closer, 0);
            assertEquals(PoolResult.OK, matcher.pause(closer, "setup", 0));
            assertEquals(PoolResult.OK, matcher.resume(closer, 0));
        }
        matcher.assign(1, sales, CloserPool.NULL_CLOSER, 1);
        matcher.assign(2, billing, CloserPool.NULL_CLOSER, 1);
        matcher.assign(3, spanish, CloserPool.NULL_CLOSER, 1);
        for (final int closer : new int[]{0, 1, 2})
        {
            matcher.connect(closer, 2);
            matcher.endCall(closer, 3);
        }
        assertEquals(PoolResult.OK, matcher.endWrapUp(1, 4));
        assertEquals(PoolResult.OK, matcher.pause(0, "coffee", 5));
        assertEquals("coffee", pool.pauseReason(0));
        assertEquals(PoolResult.OK, matcher.logout(2, 6));
        assertEquals(0, matcher.expireWrapUps(Long.MAX_VALUE));
        assertEquals(CloserState.AVAILABLE, pool.state(1));
        assertEquals(CloserState.PAUSED, pool.state(0));
        assertEquals(CloserState.OFFLINE, pool.state(2));
    }

    @Test
    void shouldBeAvailableAtOnceWhenWrapUpIsZero()
    {
        final Matcher noWrapUp = new Matcher(pool, 4, 0, MatcherTest::noMatch);
        noWrapUp.login(0, 0);
        noWrapUp.assign(1, sales, CloserPool.NULL_CLOSER, 1);
        noWrapUp.connect(0, 2);
        assertEquals(PoolResult.OK, noWrapUp.endCall(0, 3));
        assertEquals(CloserState.AVAILABLE, pool.state(0));
    }

    @Test
    void shouldNeverOfferOneCloserToTwoCallers()
    {
        login(0, 0);
        assertEquals(0, matcher.assign(1, sales, CloserPool.NULL_CLOSER, 1));
        assertEquals(Matcher.QUEUED, matcher.assign(2, sales, CloserPool.NULL_CLOSER, 1));
        assertEquals(PoolResult.ILLEGAL_TRANSITION, matcher.login(0, 2));
        assertEquals(PoolResult.ILLEGAL_TRANSITION, matcher.resume(0, 2));
        assertEquals(1, matcher.callerOf(0));

        assertEquals(PoolResult.OK, matcher.endOffer(0, 3));
        assertEquals(List.of("2->alice/sales"), matches);
        assertEquals(2, matcher.callerOf(0));
    }

    static Stream<Arguments> transitions()
    {
        return Stream.of(
            Arguments.of(CloserState.OFFLINE, "login", PoolResult.OK, CloserState.AVAILABLE),
            Arguments.of(CloserState.OFFLINE, "logout", PoolResult.ILLEGAL_TRANSITION, CloserState.OFFLINE),
            Arguments.of(CloserState.OFFLINE, "pause", PoolResult.ILLEGAL_TRANSITION, CloserState.OFFLINE),
            Arguments.of(CloserState.OFFLINE, "resume", PoolResult.ILLEGAL_TRANSITION, CloserState.OFFLINE),
            Arguments.of(CloserState.OFFLINE, "connect", PoolResult.ILLEGAL_TRANSITION, CloserState.OFFLINE),
            Arguments.of(CloserState.OFFLINE, "endOffer", PoolResult.ILLEGAL_TRANSITION, CloserState.OFFLINE),
            Arguments.of(CloserState.OFFLINE, "endCall", PoolResult.ILLEGAL_TRANSITION, CloserState.OFFLINE),
            Arguments.of(CloserState.OFFLINE, "endWrapUp", PoolResult.ILLEGAL_TRANSITION, CloserState.OFFLINE),
            Arguments.of(CloserState.AVAILABLE, "login", PoolResult.ILLEGAL_TRANSITION, CloserState.AVAILABLE),
            Arguments.of(CloserState.AVAILABLE, "logout", PoolResult.OK, CloserState.OFFLINE),
            Arguments.of(CloserState.AVAILABLE, "pause", PoolResult.OK, CloserState.PAUSED),
            Arguments.of(CloserState.AVAILABLE, "resume", PoolResult.ILLEGAL_TRANSITION, CloserState.AVAILABLE),
            Arguments.of(CloserState.AVAILABLE, "connect", PoolResult.ILLEGAL_TRANSITION, CloserState.AVAILABLE),
            Arguments.of(CloserState.AVAILABLE, "endOffer", PoolResult.ILLEGAL_TRANSITION, CloserState.AVAILABLE),
            Arguments.of(CloserState.AVAILABLE, "endCall", PoolResult.ILLEGAL_TRANSITION, CloserState.AVAILABLE),
            Arguments.of(CloserState.AVAILABLE, "endWrapUp", PoolResult.ILLEGAL_TRANSITION, CloserState.AVAILABLE),
            Arguments.of(CloserState.OFFERED, "login", PoolResult.ILLEGAL_TRANSITION, CloserState.OFFERED),
            Arguments.of(CloserState.OFFERED, "logout", PoolResult.DEFERRED, CloserState.OFFERED),
            Arguments.of(CloserState.OFFERED, "pause", PoolResult.DEFERRED, CloserState.OFFERED),
            Arguments.of(CloserState.OFFERED, "resume", PoolResult.ILLEGAL_TRANSITION, CloserState.OFFERED),
            Arguments.of(CloserState.OFFERED, "connect", PoolResult.OK, CloserState.ON_CALL),
            Arguments.of(CloserState.OFFERED, "endOffer", PoolResult.OK, CloserState.AVAILABLE),
            Arguments.of(CloserState.OFFERED, "endCall", PoolResult.ILLEGAL_TRANSITION, CloserState.OFFERED),
            Arguments.of(CloserState.OFFERED, "endWrapUp", PoolResult.ILLEGAL_TRANSITION, CloserState.OFFERED),
            Arguments.of(CloserState.ON_CALL, "login", PoolResult.ILLEGAL_TRANSITION, CloserState.ON_CALL),
            Arguments.of(CloserState.ON_CALL, "logout", PoolResult.DEFERRED, CloserState.ON_CALL),
            Arguments.of(CloserState.ON_CALL, "pause", PoolResult.DEFERRED, CloserState.ON_CALL),
            Arguments.of(CloserState.ON_CALL, "resume", PoolResult.ILLEGAL_TRANSITION, CloserState.ON_CALL),
            Arguments.of(CloserState.ON_CALL, "connect", PoolResult.ILLEGAL_TRANSITION, CloserState.ON_CALL),
            Arguments.of(CloserState.ON_CALL, "endOffer", PoolResult.ILLEGAL_TRANSITION, CloserState.ON_CALL),
            Arguments.of(CloserState.ON_CALL, "endCall", PoolResult.OK, CloserState.WRAP_UP),
            Arguments.of(CloserState.ON_CALL, "endWrapUp", PoolResult.ILLEGAL_TRANSITION, CloserState.ON_CALL),
            Arguments.of(CloserState.WRAP_UP, "login", PoolResult.ILLEGAL_TRANSITION, CloserState.WRAP_UP),
            Arguments.of(CloserState.WRAP_UP, "logout", PoolResult.OK, CloserState.OFFLINE),
            Arguments.of(CloserState.WRAP_UP, "pause", PoolResult.OK, CloserState.PAUSED),
            Arguments.of(CloserState.WRAP_UP, "resume", PoolResult.ILLEGAL_TRANSITION, CloserState.WRAP_UP),
            Arguments.of(CloserState.WRAP_UP, "connect", PoolResult.ILLEGAL_TRANSITION, CloserState.WRAP_UP),
            Arguments.of(CloserState.WRAP_UP, "endOffer", PoolResult.ILLEGAL_TRANSITION, CloserState.WRAP_UP),
            Arguments.of(CloserState.WRAP_UP, "endCall", PoolResult.ILLEGAL_TRANSITION, CloserState.WRAP_UP),
            Arguments.of(CloserState.WRAP_UP, "endWrapUp", PoolResult.OK, CloserState.AVAILABLE),
            Arguments.of(CloserState.PAUSED, "login", PoolResult.ILLEGAL_TRANSITION, CloserState.PAUSED),
            Arguments.of(CloserState.PAUSED, "logout", PoolResult.OK, CloserState.OFFLINE),
            Arguments.of(CloserState.PAUSED, "pause", PoolResult.OK, CloserState.PAUSED),
            Arguments.of(CloserState.PAUSED, "resume", PoolResult.OK, CloserState.AVAILABLE),
            Arguments.of(CloserState.PAUSED, "connect", PoolResult.ILLEGAL_TRANSITION, CloserState.PAUSED),
            Arguments.of(CloserState.PAUSED, "endOffer", PoolResult.ILLEGAL_TRANSITION, CloserState.PAUSED),
            Arguments.of(CloserState.PAUSED, "endCall", PoolResult.ILLEGAL_TRANSITION, CloserState.PAUSED),
            Arguments.of(CloserState.PAUSED, "endWrapUp", PoolResult.ILLEGAL_TRANSITION, CloserState.PAUSED));
    }

    @ParameterizedTest(name = "{0} --{1}--> {2} {3}")
    @MethodSource("transitions")
    void shouldValidateEveryCloserTransition(
        final CloserState from, final String operation, final PoolResult expected, final CloserState to)
    {
        final int closer = 0;
        bring(closer, from);
        final int availableBefore = matcher.availableCount(sales);

        final PoolResult result = apply(closer, operation);

        assertEquals(expected, result);
        assertEquals(to, pool.state(closer));
        final int expectedAvailable = CloserState.AVAILABLE == to ? 1 : 0;
        assertEquals(expectedAvailable, matcher.availableCount(sales));
        if (PoolResult.OK != result)
        {
            assertEquals(availableBefore, matcher.availableCount(sales));
        }
        if (CloserState.PAUSED != to)
        {
            assertNull(pool.pauseReason(closer));
        }
    }

    @Test
    void shouldPauseACloserAfterTheWrapUpOfTheCallInProgress()
    {
        final int closer = 0;
        bring(closer, CloserState.ON_CALL);

        assertEquals(PoolResult.DEFERRED, matcher.pause(closer, "lunch", 100));
        assertEquals(CloserState.ON_CALL, pool.state(closer));
        assertEquals(Matcher.PENDING_PAUSE, matcher.pendingAction(closer));

        assertEquals(PoolResult.OK, matcher.endCall(closer, 200));
        final CloserState afterCall = pool.state(closer);
        if (CloserState.WRAP_UP == afterCall)
        {
            matcher.expireWrapUps(matcher.nextWrapUpDeadline());
        }
        assertEquals(CloserState.PAUSED, pool.state(closer));
        assertEquals("lunch", pool.pauseReason(closer));
        assertEquals(Matcher.PENDING_NONE, matcher.pendingAction(closer));
        assertEquals(0, matcher.availableCount(sales));
    }

    @Test
    void shouldLogOutACloserWhoseOfferEndsAndNeverOfferItAgain()
    {
        final int closer = 0;
        bring(closer, CloserState.OFFERED);

        assertEquals(PoolResult.DEFERRED, matcher.logout(closer, 100));
        assertEquals(PoolResult.OK, matcher.endOffer(closer, 200));

        assertEquals(CloserState.OFFLINE, pool.state(closer));
        assertEquals(Matcher.QUEUED, matcher.assign(77, sales, CloserPool.NULL_CLOSER, 300));
    }

    @Test
    void shouldCancelADeferredPauseOnResume()
    {
        final int closer = 0;
        bring(closer, CloserState.ON_CALL);
        assertEquals(PoolResult.DEFERRED, matcher.pause(closer, "break", 100));

        assertEquals(PoolResult.OK, matcher.resume(closer, 150));
        assertEquals(PoolResult.OK, matcher.endCall(closer, 200));
        matcher.expireWrapUps(Long.MAX_VALUE - 1);

        assertEquals(CloserState.AVAILABLE, pool.state(closer));
    }

    @Test
    void shouldRefuseUnknownClosers()
    {
        assertEquals(PoolResult.UNKNOWN_CLOSER, matcher.login(4, 0));
        assertEquals(PoolResult.UNKNOWN_CLOSER, matcher.logout(-1, 0));
        assertEquals(PoolResult.UNKNOWN_CLOSER, matcher.pause(99, "x", 0));
        assertEquals(PoolResult.UNKNOWN_CLOSER, matcher.endOffer(4, 0));
    }

    private void bring(final int closer, final CloserState state)
    {
        switch (state)
        {
            case OFFLINE -> assertEquals(PoolResult.ILLEGAL_TRANSITION, matcher.resume(closer, 0));
            case AVAILABLE -> login(closer, 0);
            case PAUSED ->
            {
                login(closer, 0);
                assertEquals(PoolResult.OK, matcher.pause(closer, "lunch", 1));
            }
            case OFFERED ->
            {
                login(closer, 0);
                assertEquals(closer, matcher.assign(1, sales, CloserPool.NULL_CLOSER, 1));
            }
            case ON_CALL ->
            {
                bring(closer, CloserState.OFFERED);
                assertEquals(PoolResult.OK, matcher.connect(closer, 2));
            }
            case WRAP_UP ->
            {
                bring(closer, CloserState.ON_CALL);
                assertEquals(PoolResult.OK, matcher.endCall(closer, 3));
            }
            default -> throw new IllegalArgumentException(state.name());
        }
        assertEquals(state, pool.state(closer));
    }

    private PoolResult apply(final int closer, final String operation)
    {
        return switch (operation)
        {
            case "login" -> matcher.login(closer, 10);
            case "logout" -> matcher.logout(closer, 10);
            case "pause" -> matcher.pause(closer, "break", 10);
            case "resume" -> matcher.resume(closer, 10);
            case "connect" -> matcher.connect(closer, 10);
            case "endOffer" -> matcher.endOffer(closer, 10);
            case "endCall" -> matcher.endCall(closer, 10);
            case "endWrapUp" -> matcher.endWrapUp(closer, 10);
            default -> throw new IllegalArgumentException(operation);
        };
    }

    private static void noMatch(final long caller, final int closer, final int skill)
    {
    }

    private void login(final int closer, final long nowMs)
    {
        assertEquals(PoolResult.OK, matcher.login(closer, nowMs));
    }
}
