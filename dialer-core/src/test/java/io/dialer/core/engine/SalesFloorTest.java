/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.dialer.core.campaign.Closer;
import io.dialer.core.campaign.CloserDestination;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.ControlAction;
import io.dialer.core.pacing.PredictivePacer;
import io.dialer.transfer.CloserPool;
import io.dialer.transfer.CloserState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalesFloorTest
{
    private final List<String> journal = new ArrayList<>();
    private final List<String> matched = new ArrayList<>();
    private final SalesFloor floor = new SalesFloor(
        List.of(new Closer("dana", "Dana Lee", "sip:dana@pbx", List.of("auto")),
            new Closer("sam", "Sam Ortiz", "sip:sam@pbx", List.of("auto", "home"))),
        4, 0, 16, (caller, closer, skill) -> matched.add(caller + "->" + closer),
        new CampaignLog()
        {
            @Override
            public void control(
                final long timeMs, final ControlAction action, final CharSequence subject, final CharSequence detail,
                final boolean applied)
            {
                journal.add(action + " " + subject + " '" + detail + "' " + (applied ? "applied" : "refused"));
            }
        }, new AtomicReferenceArray<>(4), null);
    private final int auto = floor.skillId("auto");

    @Test
    void shouldAddChangeAndRemoveClosersWhileLoggedOutOnly()
    {
        assertTrue(floor.add(new Closer("kim", "Kim", "sip:kim@pbx", List.of("home")), 10).applied());
        assertFalse(floor.add(new Closer("kim", "Kim", "sip:kim@pbx", List.of("home")), 11).applied(), "same id");
        assertTrue(floor.login("kim", 12).applied());
        assertEquals(1, floor.available(floor.skillId("home")));
        final Closer byPhone = new Closer("kim", "Kim Lee", CloserDestination.phone("+12145550199"), List.of("auto"));
        assertFalse(floor.update(byPhone, 13).applied(), "logged in");
        assertFalse(floor.remove("kim", 14).applied(), "logged in");

        floor.logout("kim", 15);
        assertTrue(floor.update(new Closer("kim", "Kim Lee", "sip:kim2@pbx", List.of("auto")), 16).applied());
        final LiveState.CloserView kim = floor.views(callId -> null, campaign -> "").get(2);
        assertEquals("Kim Lee", kim.name());
        assertEquals("sip:kim2@pbx", kim.phone());
        assertEquals("", kim.phoneState(), "not an extension");
        assertTrue(floor.remove("kim", 17).applied());
        assertEquals(2, floor.views(callId -> null, campaign -> "").size(), "a removed closer is not shown");
        assertFalse(floor.login("kim", 18).applied(), "removed");
        assertEquals(List.of("CLOSER_ADDED kim 'sip:kim@pbx [home]' applied",
            "CLOSER_ADDED kim 'duplicate closer id: kim' refused", "CLOSER_LOGIN kim '' applied",
            "CLOSER_UPDATED kim 'closer kim is AVAILABLE: log out first' refused",
            "CLOSER_REMOVED kim 'closer kim is AVAILABLE: log out first' refused", "CLOSER_LOGOUT kim '' applied",
            "CLOSER_UPDATED kim 'sip:kim2@pbx [auto]' applied", "CLOSER_REMOVED kim '' applied",
            "CLOSER_LOGIN kim 'unknown closer' refused"), journal);
    }

    @Test
    void shouldKeepClosersLoggedOutUntilTheyLogIn()
    {
        assertEquals(0, floor.available(auto));

        assertTrue(floor.login("dana", 10).applied());

        assertEquals(1, floor.available(auto));
        assertFalse(floor.login("dana", 11).applied());
        assertFalse(floor.login("nobody", 12).applied());
        assertEquals(List.of("CLOSER_LOGIN dana '' applied", "CLOSER_LOGIN dana 'already logged in' refused",
            "CLOSER_LOGIN nobody 'unknown closer' refused"), journal);
    }

    @Test
    void shouldPauseWithAReasonAndShowTimeInState()
    {
        floor.login("dana", 10);

        final ControlResult paused = floor.pause("dana", "lunch", 20);

        assertTrue(paused.applied());
        assertEquals(0, floor.available(auto));
        final LiveState.CloserView view = floor.views(callId -> null, campaign -> "").get(0);
        assertEquals("PAUSED", view.state());
        assertEquals("lunch", view.reason());
        assertEquals(20, view.sinceMs());
        assertTrue(floor.resume("dana", 30).applied());
        assertEquals(1, floor.available(auto));
    }

    @Test
    void shouldPauseABusyCloserWhenTheCallEnds()
    {
        floor.login("dana", 10);
        assertEquals(0, floor.matcher().assign(99, auto, CloserPool.NULL_CLOSER, 11));

        final ControlResult result = floor.pause("dana", "break", 12);

        assertTrue(result.applied());
        assertEquals("break (after the call in progress)", result.detail());
        assertEquals(CloserState.OFFERED, floor.pool().state(0));
        assertEquals("pause after the call: break", floor.views(callId -> null, campaign -> "").get(0).reason());
        floor.matcher().endOffer(0, 13);
        assertEquals(CloserState.PAUSED, floor.pool().state(0));
        assertEquals(0, floor.available(auto));
    }

    @Test
    void shouldTellAPredictivePacerTheBusyClosersOnTheFloor()
    {
        floor.login("dana", 10);
        floor.login("sam", 10);
        final PredictivePacer pacer = new PredictivePacer(0.03, 3, 0);

        pacer.beginFloor(1_000);
        assertEquals(2, floor.feed(auto, pacer, 1_000));
        pacer.decide(1_000, 2, 2, 0, 0, 0, 0, 0, 0);
        assertEquals(2.0, pacer.expectedFree(), 1e-9, "both available, nobody busy");

        assertEquals(0, floor.matcher().assign(99, auto, CloserPool.NULL_CLOSER, 2_000)); // dana offered a caller
        floor.matcher().connect(0, 10_000);
        pacer.beginFloor(20_000);
        assertEquals(2, floor.feed(auto, pacer, 20_000), "dana talking: still on the floor");
        pacer.decide(20_000, 2, 1, 0, 0, 0, 0, 0, 0);
        final double justStarted = pacer.expectedFree();
        pacer.beginFloor(200_000);
        floor.feed(auto, pacer, 200_000);
        pacer.decide(200_000, 2, 1, 0, 0, 0, 0, 0, 0);
        final double nearlyDone = pacer.expectedFree();
        assertTrue(1.0 < justStarted && justStarted < 1.05, "sam free, dana 10 s into a call: " + justStarted);
        assertTrue(nearlyDone > 1.25, "sam free, dana 190 s into a 3-minute call: " + nearlyDone);

        floor.pause("dana", "break", 200_001);
        pacer.beginFloor(200_002);
        assertEquals(1, floor.feed(auto, pacer, 200_002), "pausing after the call: not counted");
        pacer.decide(200_002, 1, 1, 0, 0, 0, 0, 0, 0);
        assertEquals(1.0, pacer.expectedFree(), 1e-9);
        assertEquals(0, floor.feed(floor.skillId("nobody"), pacer, 200_003));
    }

    @Test
    void shouldLogInEveryCloserAtStartWhenTheCampaignSaysSo()
    {
        floor.login("sam", 1);

        floor.loginAll(5);

        assertEquals(2, floor.available(auto));
        assertEquals(List.of("CLOSER_LOGIN sam '' applied", "CLOSER_LOGIN dana '' applied"), journal);
    }

    @Test
    void shouldRefuseToEndAWrapUpThatIsNotRunning()
    {
        floor.login("dana", 1);

        assertFalse(floor.wrapUpDone("dana", 2).applied());
        assertFalse(floor.logout("dana", 3).applied() && floor.logout("dana", 4).applied());
    }
}
