/*
 * Dialer simulated phones.
 */
package io.dialer.sim;

import io.dialer.sip.CallLeg;
import io.dialer.sip.CallListener;
import io.dialer.sip.DtmfSource;
import io.dialer.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A simulated carrier: one {@link SipStack} answering every INVITE as the {@link PhoneScript} registered for the
 * Request-URI's user part (or the default script) says, and recording each call as a {@link SimulatedCall}.
 * Script timing runs on one scheduler thread; nothing sleeps.
 * <pre>{@code
 * try (SimulatedCarrier carrier = SimulatedCarrier.launch(new SipStack.Context().port(0).allowedPeer("127.0.0.1")))
 * {
 *     carrier.script("1001", PhoneScript.builder().answerAfterMs(200).pressKeys(500, "1", 300, RFC4733).build());
 *     dialer.dial(new DialRequest(carrier.uri("1001")), listener);
 *     final SimulatedCall call = carrier.awaitCall("1001", 5_000);
 * }
 * }</pre>
 */
public final class SimulatedCarrier implements AutoCloseable
{
    private static final Logger LOGGER = LoggerFactory.getLogger(SimulatedCarrier.class);
    private static final int KEY_DURATION_MS = 160;

    private final SipStack stack;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Map<String, PhoneScript> scripts = new ConcurrentHashMap<>();
    private final Map<String, LinkedBlockingQueue<SimulatedCall>> callsByUser = new ConcurrentHashMap<>();
    private final List<SimulatedCall> calls = new ArrayList<>();
    private volatile PhoneScript defaultScript = PhoneScript.builder().build();

    private SimulatedCarrier(final SipStack.Context context)
    {
        scheduler = new ScheduledThreadPoolExecutor(1, (runnable) ->
        {
            final Thread thread = new Thread(runnable, "sim-carrier");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        try
        {
            stack = SipStack.launch(context.inboundCallHandler(this::onIncomingCall));
        }
        catch (final RuntimeException ex)
        {
            scheduler.shutdownNow();
            throw ex;
        }
    }

    /**
     * Starts a carrier. The context must allow the dialer's address as a peer (e.g. {@code 127.0.0.1}).
     *
     * @param context the stack's configuration; its inbound call handler is replaced by the carrier's.
     * @return the running carrier.
     */
    public static SimulatedCarrier launch(final SipStack.Context context)
    {
        return new SimulatedCarrier(context);
    }

    /**
     * Sets the script of a number.
     *
     * @param user   the Request-URI user part.
     * @param script the script.
     * @return this.
     */
    public SimulatedCarrier script(final String user, final PhoneScript script)
    {
        scripts.put(user, script);
        return this;
    }

    /**
     * The script registered for a number.
     *
     * @param user the Request-URI user part.
     * @return the script, or null when the number has none (the default script applies).
     */
    public PhoneScript scriptOf(final String user)
    {
        return scripts.get(user);
    }

    /**
     * Sets the script of numbers without their own.
     *
     * @param script the script.
     * @return this.
     */
    public SimulatedCarrier defaultScript(final PhoneScript script)
    {
        defaultScript = script;
        return this;
    }

    /**
     * The carrier's SIP stack.
     *
     * @return the stack.
     */
    public SipStack stack()
    {
        return stack;
    }

    /**
     * A URI reaching a number on this carrier.
     *
     * @param user the number.
     * @return the SIP URI.
     */
    public String uri(final String user)
    {
        return stack.uri(user);
    }

    /**
     * The carrier as an outbound proxy URI, for a dialer's {@link SipStack.Context#outboundProxy(String)}.
     *
     * @return the SIP URI.
     */
    public String proxyUri()
    {
        return stack.uri(null);
    }

    /**
     * Waits for the next call to a number.
     *
     * @param user      the number.
     * @param timeoutMs how long to wait.
     * @return the call, or null on timeout.
     * @throws InterruptedException when interrupted.
     */
    public SimulatedCall awaitCall(final String user, final long timeoutMs) throws InterruptedException
    {
        return queue(user).poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Every call received so far, in order.
     *
     * @return the calls.
     */
    public List<SimulatedCall> calls()
    {
        synchronized (calls)
        {
            return List.copyOf(calls);
        }
    }

    /**
     * Stops the carrier's stack and scheduler.
     */
    public void close()
    {
        scheduler.shutdownNow();
        stack.close();
    }

    private LinkedBlockingQueue<SimulatedCall> queue(final String user)
    {
        return callsByUser.computeIfAbsent(user, (u) -> new LinkedBlockingQueue<>());
    }

    private CallListener onIncomingCall(final CallLeg leg)
    {
        final String user = userOf(leg.localUri());
        final PhoneScript script = scripts.getOrDefault(user, defaultScript);
        final SimulatedCall call = new SimulatedCall(user, leg, script);
        final CallListener listener = new ScriptRunner(call);
        synchronized (calls)
        {
            calls.add(call);
        }

        if (null != script.challengeRealm() &&
            !leg.authenticate(script.challengeRealm(), script.challengeUser(), script.challengePassword()))
        {
            call.challenged(true);
            return listener;
        }
        queue(user).add(call);

        switch (script.action())
        {
            case REJECT:
                leg.reject(script.rejectStatus());
                break;

            case RING_FOREVER:
                ring(leg, script);
                break;

            default:
                ring(leg, script);
                if (script.answerAfterMs() <= 0)
                {
                    leg.answer();
                }
                else
                {
                    schedule(call, script.answerAfterMs(), leg::answer);
                }
                break;
        }
        return listener;
    }

    private static void ring(final CallLeg leg, final PhoneScript script)
    {
        if (script.earlyMedia())
        {
            leg.earlyMedia();
        }
        else
        {
            leg.ring();
        }
    }

    private void afterAnswer(final SimulatedCall call)
    {
        final PhoneScript script = call.script();
        final CallLeg leg = call.leg();
        try
        {
            leg.addTap(call.heard());
            if (script.keyAfterHeard() != 0)
            {
                leg.addTap((sessionId, samples, offset, length, rtpTimestamp) ->
                {
                    if (call.heard().voicedMs() >= script.heardMs() && call.claimKeyAfterHeard())
                    {
                        schedule(call, 0, () -> pressAfterHeard(call));
                    }
                });
                if (script.keyAfterHeardFallbackMs() >= 0)
                {
                    schedule(call, script.keyAfterHeardFallbackMs(), () ->
                    {
                        if (call.claimKeyAfterHeard())
                        {
                            pressAfterHeard(call);
                        }
                    });
                }
            }
            if (script.hangupAfterHeardMs() >= 0)
            {
                leg.addTap((sessionId, samples, offset, length, rtpTimestamp) ->
                {
                    if (call.heard().voicedMs() >= script.hangupAfterHeardMs() && call.claimHangupAfterHeard())
                    {
                        schedule(call, 0, leg::hangup);
                    }
                });
                if (script.hangupAfterHeardFallbackMs() >= 0)
                {
                    schedule(call, script.hangupAfterHeardFallbackMs(), () ->
                    {
                        if (call.claimHangupAfterHeard())
                        {
                            leg.hangup();
                        }
                    });
                }
            }
            if (!script.answers().isEmpty())
            {
                answerWhenAsked(call);
            }
            if (null != script.prompt())
            {
                schedule(call, script.promptAtMs(), () -> leg.play(script.prompt(), script.loopPrompt(), false));
            }
        }
        catch (final RuntimeException ex)
        {
            LOGGER.warn("simulated phone {} has no media: {}", call.user(), ex.toString());
        }
        for (final PhoneScript.KeyPress key : script.keys())
        {
            schedule(call, key.atMs(), () -> press(call, key.digit(), key.source(), KEY_DURATION_MS));
        }
        if (script.holdAtMs() >= 0)
        {
            schedule(call, script.holdAtMs(), leg::hold);
        }
        if (script.resumeAtMs() >= 0)
        {
            schedule(call, script.resumeAtMs(), leg::resume);
        }
        if (script.hangupAfterMs() >= 0)
        {
            schedule(call, script.hangupAfterMs(), leg::hangup);
        }
    }

    private void pressAfterHeard(final SimulatedCall call)
    {
        final PhoneScript script = call.script();
        press(call, script.keyAfterHeard(), script.keyAfterHeardSource(), KEY_DURATION_MS);
        if (script.hangupAfterKeyMs() >= 0)
        {
            schedule(call, script.hangupAfterKeyMs(), call.leg()::hangup);
        }
    }

    private void answerWhenAsked(final SimulatedCall call)
    {
        final List<String> answers = call.script().answers();
        final TurnTaker[] turns = new TurnTaker[1];
        turns[0] = new TurnTaker(call.script().answerSilenceMs(), answers.size(),
            (index) -> schedule(call, 0, () -> pressAnswer(call, turns[0], answers.get(index), 0)));
        call.leg().addTap(turns[0]);
    }

    private void pressAnswer(final SimulatedCall call, final TurnTaker turns, final String answer, final int index)
    {
        press(call, answer.charAt(index), DtmfSource.RFC4733, PhoneScript.ANSWER_KEY_DURATION_MS);
        if (index + 1 < answer.length())
        {
            schedule(call, PhoneScript.ANSWER_KEY_SPACING_MS, () -> pressAnswer(call, turns, answer, index + 1));
        }
        else
        {
            call.answerGiven();
            turns.answered();
        }
    }

    private static void press(final SimulatedCall call, final char digit, final DtmfSource source, final int durationMs)
    {
        if (source == DtmfSource.SIP_INFO)
        {
            call.leg().sendDtmfInfo(digit, durationMs);
        }
        else
        {
            call.leg().sendDtmf(digit, durationMs);
        }
        call.pressed(digit);
    }

    private void schedule(final SimulatedCall call, final long delayMs, final Runnable action)
    {
        final Runnable guarded = () ->
        {
            try
            {
                action.run();
            }
            catch (final RuntimeException ex)
            {
                LOGGER.debug("simulated phone {} action failed: {}", call.user(), ex.toString());
            }
        };
        try
        {
            call.addTask(scheduler.schedule(guarded, Math.max(0, delayMs), TimeUnit.MILLISECONDS));
        }
        catch (final RuntimeException ex)
        {
            LOGGER.debug("carrier closed: {}", ex.toString());
        }
    }

    static String userOf(final String uri)
    {
        if (null == uri)
        {
            return "";
        }
        final int colon = uri.indexOf(':');
        final int at = uri.indexOf('@');
        return at > colon ? uri.substring(colon + 1, at) : "";
    }

    private final class ScriptRunner implements CallListener
    {
        private final SimulatedCall call;

        ScriptRunner(final SimulatedCall call)
        {
            this.call = call;
        }

        public void onAnswered(final CallLeg leg)
        {
            call.onAnswered(leg);
            afterAnswer(call);
        }

        public void onFailed(
            final CallLeg leg, final io.dialer.sip.FailureCause cause, final int sipStatus, final String reason)
        {
            call.onFailed(leg, cause, sipStatus, reason);
        }

        public void onEnded(final CallLeg leg, final io.dialer.sip.EndCause cause)
        {
            call.onEnded(leg, cause);
        }

        public void onDtmf(final CallLeg leg, final char digit, final DtmfSource source)
        {
            call.onDtmf(leg, digit, source);
        }

        public void onReinvited(final CallLeg leg, final boolean held)
        {
            call.onReinvited(leg, held);
        }
    }
}
