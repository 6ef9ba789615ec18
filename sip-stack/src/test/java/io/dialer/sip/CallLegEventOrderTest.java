/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.dialer.sip.RecordingListener.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A leg's events over real SIP on loopback, between two stacks with fake media: the listener never runs under the
 * leg's lock, a blocked callback blocks no other thread's call on the leg, events a callback raises come after it
 * returns, an inbound leg's events wait for its handler, and racing hang-ups give exactly one terminal event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CallLegEventOrderTest
{
    private SipStack far;
    private SipStack dialer;
    private final BlockingQueue<CallLeg> farLegs = new LinkedBlockingQueue<>();
    private volatile RecordingListener farListener = new RecordingListener();

    @BeforeAll
    void start()
    {
        far = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider()).userAgent("far"));
        far.inboundCallHandler((leg) ->
        {
            leg.answer();
            farLegs.add(leg);
            return farListener;
        });
        dialer = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider()));
    }

    @AfterAll
    void stop()
    {
        SipTests.closeAll(dialer, far);
    }

    @Test
    void shouldLetAnotherThreadHangUpWhileTheListenerIsBlockedInACallback() throws Exception
    {
        final CountDownLatch inOnAnswered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final LockChecking listener = new LockChecking()
        {
            public void onAnswered(final CallLeg leg)
            {
                super.onAnswered(leg);
                inOnAnswered.countDown();
                awaitQuietly(release);
            }
        };

        final CallLeg leg = dialer.dial(new DialRequest(far.uri("blocked")), listener);
        listener.leg = leg;
        assertTrue(inOnAnswered.await(TIMEOUT_MS, TimeUnit.MILLISECONDS));

        // with the listener called under the leg's lock, this would wait for the callback: it returns at once
        final CompletableFuture<Void> hangup = CompletableFuture.runAsync(leg::hangup);
        hangup.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertEquals(CallState.ENDED, leg.state(), "decided under the lock while the callback still runs");
        assertEquals(List.of("answered"), listener.events(), "its event waits for the blocked callback");

        release.countDown();
        assertEquals(EndCause.LOCAL, listener.ends.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        assertEquals(List.of("answered", "ended:LOCAL"), listener.events());
        assertEquals(List.of(), listener.violations);
    }

    @Test
    void shouldDeliverTheEndOfAHangUpFromACallbackAfterTheCallbackReturns() throws Exception
    {
        final LockChecking listener = new LockChecking()
        {
            public void onAnswered(final CallLeg leg)
            {
                super.onAnswered(leg);
                leg.hangup();
                record("answered returns");
            }
        };

        final CallLeg leg = dialer.dial(new DialRequest(far.uri("selfhangup")), listener);
        listener.leg = leg;

        assertEquals(EndCause.LOCAL, listener.ends.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        assertEquals(List.of("answered", "answered returns", "ended:LOCAL"), listener.events());
        assertEquals(List.of(), listener.violations);
    }

    @Test
    void shouldDeliverAnInboundLegsEventsAfterItsHandlerReturns() throws Exception
    {
        final AtomicBoolean inHandler = new AtomicBoolean();
        final LockChecking inbound = new LockChecking()
        {
            public void onRinging(final CallLeg leg, final boolean earlyMedia)
            {
                record(inHandler.get() ? "ringing inside the handler" : "ringing");
            }

            public void onAnswered(final CallLeg leg)
            {
                record(inHandler.get() ? "answered inside the handler" : "answered");
            }
        };
        try (SipStack callee = SipStack.launch(SipTests.signallingContext(new FakeMediaProvider())))
        {
            callee.inboundCallHandler((leg) ->
            {
                inHandler.set(true);
                inbound.leg = leg;
                leg.ring();
                leg.answer();
                inHandler.set(false);
                return inbound;
            });
            final RecordingListener caller = new RecordingListener();
            final CallLeg leg = dialer.dial(new DialRequest(callee.uri("handler")), caller);
            assertTrue(caller.awaitAnswered());

            leg.hangup();
            assertEquals(EndCause.REMOTE_BYE, inbound.ends.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS));
            assertEquals(List.of("ringing", "answered", "ended:REMOTE_BYE"), inbound.events());
            assertEquals(List.of(), inbound.violations);
        }
    }

    @Test
    void shouldGiveExactlyOneTerminalEventWhenBothEndsHangUpAtOnce() throws Exception
    {
        farLegs.clear();
        for (int i = 0; i < 20; i++)
        {
            final LockChecking listener = new LockChecking();
            farListener = new RecordingListener();
            final CallLeg leg = dialer.dial(new DialRequest(far.uri("race" + i)), listener);
            listener.leg = leg;
            final CallLeg farLeg = farLegs.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertNotNull(farLeg);
            assertTrue(listener.answered.await(TIMEOUT_MS, TimeUnit.MILLISECONDS));

            final CountDownLatch go = new CountDownLatch(1);
            final CompletableFuture<Void> remote = CompletableFuture.runAsync(() ->
            {
                awaitQuietly(go);
                farLeg.hangup();
            });
            final CompletableFuture<Void> local = CompletableFuture.runAsync(() ->
            {
                awaitQuietly(go);
                leg.hangup();
            });
            go.countDown();
            CompletableFuture.allOf(remote, local).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);

            assertNotNull(listener.ends.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS), "call " + i);
            assertNotNull(farListener.ends.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS), "far end of call " + i);
            // a BYE answered 481 or 200 is the last message either way: nothing more can come
            final List<String> events = listener.events();
            assertEquals("answered", events.get(events.size() - 2), events.toString());
            assertTrue(events.get(events.size() - 1).startsWith("ended:"), events.toString());
            assertEquals(1, listener.terminalEvents.get(), events.toString());
            assertEquals(List.of(), listener.violations);
        }
    }

    /**
     * Records events in order and checks that none arrives under its leg's lock.
     */
    private static class LockChecking extends RecordingListener
    {
        final List<String> violations = new CopyOnWriteArrayList<>();
        private final List<String> order = new CopyOnWriteArrayList<>();
        volatile CallLeg leg;

        void record(final String event)
        {
            final CallLeg l = leg;
            if (null != l && Thread.holdsLock(l.lock))
            {
                violations.add(event + " under the leg's lock");
            }
            order.add(event);
        }

        List<String> events()
        {
            return new ArrayList<>(order);
        }

        public void onRinging(final CallLeg leg, final boolean earlyMedia)
        {
            record("ringing:" + earlyMedia);
            super.onRinging(leg, earlyMedia);
        }

        public void onAnswered(final CallLeg leg)
        {
            record("answered");
            super.onAnswered(leg);
        }

        public void onFailed(final CallLeg leg, final FailureCause cause, final int sipStatus, final String reason)
        {
            record("failed:" + cause);
            super.onFailed(leg, cause, sipStatus, reason);
        }

        public void onEnded(final CallLeg leg, final EndCause cause)
        {
            record("ended:" + cause);
            super.onEnded(leg, cause);
        }
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
