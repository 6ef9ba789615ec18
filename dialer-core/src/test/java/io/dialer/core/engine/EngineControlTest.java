/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.dialer.core.campaign.Closer;
import io.dialer.core.compliance.DialGate;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.compliance.RetryPolicy;
import io.dialer.core.compliance.WindowPolicy;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.ControlAction;
import io.dialer.core.journal.Journal;
import io.dialer.core.journal.Step;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.core.lead.RegionNormaliser;
import io.dialer.media.MediaEngine;
import io.dialer.media.Prompt;
import io.dialer.media.TextToSpeech;
import io.dialer.qualification.CompileResult;
import io.dialer.qualification.Script;
import io.dialer.qualification.ScriptCompiler;
import io.dialer.sim.PhoneScript;
import io.dialer.sim.QuickCalls;
import io.dialer.sim.SimulatedCall;
import io.dialer.sim.SimulatedCarrier;
import io.dialer.sip.SipStack;
import io.dialer.transfer.TransferConfiguration;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The control seam end to end over SIP: closers log in, pause, resume and log out; a briefed closer accepts and
 * rejects from the console; a number is added to the do-not-call list; the campaign is paused, resumed and stopped;
 * the live state follows; every action is in the journal. A one-question script keeps each call to a few seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineControlTest
{
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final long WAIT_S = 30;
    private static final String SCRIPT = QuickCalls.SCRIPT;

    private final TextToSpeech tts = new TextToSpeech();
    private SimulatedCarrier carrier;
    private SipStack dialer;
    private Script script;
    private PromptBook prompts;
    private Prompt hello;

    @BeforeAll
    void start() throws IOException
    {
        final CompileResult compiled = ScriptCompiler.compile("control.yaml", SCRIPT, Path.of("."));
        assertTrue(compiled.isValid(), compiled.errors().toString());
        script = compiled.script();
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        carrier = SimulatedCarrier.launch(new SipStack.Context().bindAddress(loopback).port(0).threadPoolSize(2)
            .allowedPeer(loopback.getHostAddress()).userAgent("carrier")
            .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
        dialer = SipStack.launch(new SipStack.Context().bindAddress(loopback).port(0).threadPoolSize(2)
            .userAgent("dialer").outboundProxy(carrier.proxyUri())
            .mediaContext(new MediaEngine.Context().bindAddress(loopback)));
        prompts = new PromptBook(tts, script, null, null, null, new TransferTexts());
        hello = QuickCalls.hello(tts);
    }

    @AfterAll
    void stop()
    {
        prompts.close();
        dialer.close();
        carrier.close();
    }

    private PhoneScript person()
    {
        return QuickCalls.qualifies(hello);
    }

    /**
     * A closer's phone that answers and waits: the console decides.
     */
    private static PhoneScript closerPhone()
    {
        return PhoneScript.builder().answerAfterMs(100).hangupAfterMs(90_000).build();
    }

    private EngineContext context(final String csv, final DoNotCallList dnc, final Path journal)
    {
        return context(csv, dnc, journal, 0);
    }

    private EngineContext context(final String csv, final DoNotCallList dnc, final Path journal, final long wrapUpMs)
    {
        final LeadList leads = new LeadListReader("US").read("leads.csv", csv);
        final RetryPolicy retries = new RetryPolicy.Context().maxAttempts(1).maxAttemptsPerDay(1).policy();
        final long start = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, CHICAGO).toInstant().toEpochMilli();
        return new EngineContext()
            .closers(List.of(new Closer("dana", "Dana", carrier.uri("closer-dana"), List.of("sales")),
                new Closer("sam", "Sam", carrier.uri("closer-sam"), List.of("sales"))))
            .closersLoginAtStart(false)
            .wrapUpMs(wrapUpMs)
            .doNotCall(dnc)
            .clock(new CampaignClock(SystemEpochClock.INSTANCE, start), true)
            .stacks(dialer)
            .journalDir(journal)
            .campaign(new CampaignContext()
                .name("control")
                .leads(leads)
                .script(script)
                .gate(new DialGate(WindowPolicy.defaultPolicy(), retries, dnc))
                .trunkHost(carrier.stack().localAddress().getHostString() + ":" + carrier.stack().port())
                .transfer(new TransferConfiguration.Context().reassuranceIntervalMs(0).maxAttempts(3))
                .prompts(prompts)
                .journalDir(journal));
    }

    private static CampaignState only(final LiveState state)
    {
        return state.campaigns().get(0);
    }

    private static LiveState await(final DialerEngine engine, final String what, final Predicate<LiveState> condition)
        throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        LiveState state = engine.control().refresh().get(WAIT_S, TimeUnit.SECONDS);
        while (!condition.test(state))
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what + "; last state " + state);
            }
            state = engine.control().refresh().get(WAIT_S, TimeUnit.SECONDS);
        }
        return state;
    }

    private static String closerState(final LiveState state, final String id)
    {
        return state.closer(id).state();
    }

    /**
     * The closer hangs up the call in progress (the caller's side ends with it).
     */
    private void hangUp(final String closerPhone)
    {
        SimulatedCall up = null;
        for (final SimulatedCall call : carrier.calls())
        {
            up = closerPhone.equals(call.user()) && null == call.endCause() ? call : up;
        }
        assertNotNull(up, closerPhone + "'s call is up");
        up.leg().hangup();
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void shouldApplyEveryControlActionOverSipAndJournalIt(@TempDir final Path dir) throws Exception
    {
        carrier.script("+12145550301", person());
        carrier.script("+12145550302", person());
        carrier.script("closer-dana", closerPhone());
        carrier.script("closer-sam", closerPhone());
        final Path journal = dir.resolve("journal");
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt"), new RegionNormaliser("US"),
            DoNotCallList.INITIAL_CAPACITY_DEFAULT);
            DialerEngine engine = DialerEngine.start(context(
                "phone,first_name\n+12145550301,Ana\n+12145550302,Ben\n+12145550303,Cy\n", dnc, journal)))
        {
            final EngineControl control = engine.control();

            // nobody logged in: nothing is dialed, whatever the time
            LiveState state = control.refresh().get(WAIT_S, TimeUnit.SECONDS);
            assertEquals(0, only(state).dialed());
            assertEquals("LOGGED_OUT", closerState(state, "dana"));

            // a number added before its turn (national format) is never dialed
            final ControlResult dncAdded = control.addDoNotCall("(214) 555-0303", "manager").get(WAIT_S,
                TimeUnit.SECONDS);
            assertTrue(dncAdded.applied(), dncAdded.detail());
            assertFalse(control.addDoNotCall("555", "manager").get(WAIT_S, TimeUnit.SECONDS).applied());
            assertTrue(control.checkDoNotCall("+12145550303").get(WAIT_S, TimeUnit.SECONDS).applied());
            assertFalse(control.checkDoNotCall("2145550301").get(WAIT_S, TimeUnit.SECONDS).applied());
            // a number added by mistake is taken off again, at once and for good
            assertTrue(control.addDoNotCall("+12145550399", "manager").get(WAIT_S, TimeUnit.SECONDS).applied());
            assertTrue(control.removeDoNotCall("+12145550399", "manager").get(WAIT_S, TimeUnit.SECONDS).applied());
            assertFalse(control.removeDoNotCall("+12145550399", "manager").get(WAIT_S, TimeUnit.SECONDS).applied());
            assertFalse(control.checkDoNotCall("+12145550399").get(WAIT_S, TimeUnit.SECONDS).applied());

            // dana logs in: the first lead is dialed, qualifies and dana is briefed; she accepts from the console
            assertTrue(control.closerLogin("dana").get(WAIT_S, TimeUnit.SECONDS).applied());
            state = await(engine, "dana briefed", s -> "BRIEFING".equals(closerState(s, "dana")));
            assertEquals(1, only(state).dialed(), "one line for one available closer");
            assertFalse(control.accept("sam").get(WAIT_S, TimeUnit.SECONDS).applied(), "sam is not briefed");
            final ControlResult accepted = control.accept("dana").get(WAIT_S, TimeUnit.SECONDS);
            assertTrue(accepted.applied(), accepted.detail());
            // ON_CALL is shown from the accept; the bridge follows (a hang-up before it is a failed attempt)
            await(engine, "dana on the call", s -> "ON_CALL".equals(closerState(s, "dana")) && 1 == only(s).bridged());

            // dana pauses during her call: it takes effect when the call ends (wrap-up 0)
            final ControlResult pause = control.closerPause("dana", "lunch").get(WAIT_S, TimeUnit.SECONDS);
            assertEquals("lunch (after the call in progress)", pause.detail());
            hangUp("closer-dana");
            state = await(engine, "dana paused", s -> "PAUSED".equals(closerState(s, "dana")));
            assertEquals("lunch", state.closer("dana").reason());

            // sam logs in: the second lead goes to sam, who rejects it; it waits on hold until dana resumes
            assertTrue(control.closerLogin("sam").get(WAIT_S, TimeUnit.SECONDS).applied());
            await(engine, "sam briefed", s -> "BRIEFING".equals(closerState(s, "sam")));
            assertTrue(control.reject("sam").get(WAIT_S, TimeUnit.SECONDS).applied());
            state = await(engine, "the caller waiting", s -> 1 == s.callersWaiting());
            assertEquals("PAUSED", closerState(state, "dana"));
            assertTrue(control.closerResume("dana").get(WAIT_S, TimeUnit.SECONDS).applied());
            await(engine, "dana briefed again", s -> "BRIEFING".equals(closerState(s, "dana")));
            assertTrue(control.accept("dana").get(WAIT_S, TimeUnit.SECONDS).applied());
            await(engine, "the second caller bridged", s -> 2 == only(s).bridged());

            // the campaign: pause, resume, logout, stop (nothing left but the do-not-call lead)
            final RunningCampaign campaign = engine.campaigns().get(0);
            assertTrue(campaign.pause().get(WAIT_S, TimeUnit.SECONDS).applied());
            assertEquals(CampaignState.Status.PAUSED, only(control.refresh().get(WAIT_S, TimeUnit.SECONDS)).status());
            assertTrue(campaign.resume().get(WAIT_S, TimeUnit.SECONDS).applied());
            assertTrue(control.closerLogout("sam").get(WAIT_S, TimeUnit.SECONDS).applied());
            assertFalse(control.closerLogout("sam").get(WAIT_S, TimeUnit.SECONDS).applied());
            hangUp("closer-dana");
            assertTrue(engine.awaitFinished(WAIT_S, TimeUnit.SECONDS), "every lead done: the campaign finishes");
            assertEquals(CampaignState.Status.FINISHED, campaign.state().status());
        }

        final List<String> controls = new ArrayList<>();
        final List<String> dispositions = new ArrayList<>();
        Journal.replay(journal, new CampaignLog()
        {
            @Override
            public void control(
                final long timeMs, final ControlAction action, final CharSequence subject, final CharSequence detail,
                final boolean applied)
            {
                controls.add(action + " " + subject + (applied ? "" : " refused"));
            }

            @Override
            public void disposition(
                final long timeMs, final int lead, final long callId, final int attempt, final Disposition d,
                final long nextAttemptMs, final CharSequence detail)
            {
                dispositions.add(lead + " " + d + " " + detail);
            }

            @Override
            public void leadClosed(
                final long timeMs, final int lead, final CharSequence reason, final CharSequence detail)
            {
                dispositions.add(lead + " closed " + reason);
            }
        });
        assertEquals(List.of("DO_NOT_CALL_ADDED +12145550303", "DO_NOT_CALL_ADDED 555 refused",
            "DO_NOT_CALL_ADDED +12145550399", "DO_NOT_CALL_REMOVED +12145550399",
            "DO_NOT_CALL_REMOVED +12145550399 refused", "CLOSER_LOGIN dana", "CONSOLE_ACCEPT sam refused",
            "CONSOLE_ACCEPT dana", "CLOSER_PAUSE dana",
            "CLOSER_LOGIN sam", "CONSOLE_REJECT sam", "CLOSER_RESUME dana", "CONSOLE_ACCEPT dana",
            "CAMPAIGN_PAUSE control", "CAMPAIGN_RESUME control", "CLOSER_LOGOUT sam", "CLOSER_LOGOUT sam refused"),
            controls);
        assertEquals(List.of("0 TRANSFERRED dana", "1 TRANSFERRED dana", "2 closed DO_NOT_CALL"),
            dispositions.stream().sorted().toList());
    }

    /**
     * One step's end as the listener heard it.
     */
    private record StepEnd(long callId, Step step, long endNanos, long nanos)
    {
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldTellTheStepListenerOfEveryStepWithWhenItEnded(@TempDir final Path dir) throws Exception
    {
        carrier.script("+12145550311", person());
        carrier.script("closer-dana", closerPhone());
        final List<StepEnd> ends = new CopyOnWriteArrayList<>();
        final Path journal = dir.resolve("journal");
        final long acceptedAt;
        final long bridgedBy;
        final RunningCampaign campaign;
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt"));
            DialerEngine engine = DialerEngine.start(context("phone,first_name\n+12145550311,Ida\n", dnc, journal)
                .steps((callId, step, endNanos, nanos) -> ends.add(new StepEnd(callId, step, endNanos, nanos)))))
        {
            final EngineControl control = engine.control();
            assertTrue(control.closerLogin("dana").get(WAIT_S, TimeUnit.SECONDS).applied());
            await(engine, "dana briefed", s -> "BRIEFING".equals(closerState(s, "dana")));
            acceptedAt = System.nanoTime();
            assertTrue(control.accept("dana").get(WAIT_S, TimeUnit.SECONDS).applied());
            await(engine, "the caller bridged", s -> 1 == only(s).bridged());
            bridgedBy = System.nanoTime();
            hangUp("closer-dana");
            assertTrue(engine.awaitFinished(WAIT_S, TimeUnit.SECONDS));
            campaign = engine.campaigns().get(0);
        }

        // every step once, of the one call, each with the duration its histogram has
        assertEquals(Step.values().length, ends.size(), ends.toString());
        for (final Step step : Step.values())
        {
            final List<StepEnd> of = ends.stream().filter((e) -> step == e.step()).toList();
            assertEquals(1, of.size(), step + " " + ends);
            assertEquals(ends.get(0).callId(), of.get(0).callId());
            assertEquals(1, campaign.latency(step).getTotalCount());
            assertTrue(campaign.latency(step).valuesAreEquivalent(of.get(0).nanos(), campaign.latency(step)
                .getMaxValue()), step + ": the same figure as the histogram's");
        }
        // the ends are on System.nanoTime and in the order the call went
        final StepEnd bridge = ends.stream().filter((e) -> Step.ACCEPT_TO_BRIDGE == e.step()).findFirst().get();
        assertTrue(bridge.endNanos() - bridge.nanos() >= acceptedAt, "the step starts at the console's accept");
        assertTrue(bridge.endNanos() <= bridgedBy, "and ends before the bridge is seen");
        long previous = 0;
        for (final StepEnd end : ends)
        {
            assertTrue(end.endNanos() >= previous, ends.toString());
            previous = end.endNanos();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldEndAWrapUpOnRequestAndDrainTheCampaign(@TempDir final Path dir) throws Exception
    {
        carrier.script("+12145550321", person());
        carrier.script("closer-dana", PhoneScript.builder().answerAfterMs(100)
            .acceptAfterBriefing(500, 8_000).hangupAfterKeyMs(1_000).build());
        final Path journal = dir.resolve("journal");
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt"));
            DialerEngine engine = DialerEngine.start(context(
                "phone,first_name\n+12145550321,Flo\n+12145550322,Gus\n", dnc, journal, 600_000)))
        {
            final EngineControl control = engine.control();
            control.closerLogin("dana").get(WAIT_S, TimeUnit.SECONDS);
            final LiveState wrapping = await(engine, "dana in wrap-up", s -> "WRAP_UP".equals(closerState(s, "dana")));
            assertEquals(1, only(wrapping).bridged());
            assertTrue(engine.campaigns().get(0).drain().get(WAIT_S, TimeUnit.SECONDS).applied(),
                "no new lead from now");

            assertTrue(control.closerWrapUpDone("dana").get(WAIT_S, TimeUnit.SECONDS).applied());
            assertFalse(control.closerWrapUpDone("dana").get(WAIT_S, TimeUnit.SECONDS).applied(), "not any more");

            assertTrue(engine.awaitFinished(WAIT_S, TimeUnit.SECONDS));
            final LiveState state = control.state();
            assertEquals(CampaignState.Status.STOPPED, only(state).status());
            assertEquals("drained", only(state).reason());
            assertEquals(1, only(state).leads() - only(state).leadsDone(), "the lead never dialed stays open");
            assertEquals("AVAILABLE", closerState(state, "dana"));
        }
        final List<String> controls = new ArrayList<>();
        Journal.replay(journal, new CampaignLog()
        {
            @Override
            public void control(
                final long timeMs, final ControlAction action, final CharSequence subject, final CharSequence detail,
                final boolean applied)
            {
                controls.add(action + (applied ? "" : " refused"));
            }
        });
        assertEquals(List.of("CLOSER_LOGIN", "CAMPAIGN_DRAIN", "CLOSER_WRAP_UP_DONE", "CLOSER_WRAP_UP_DONE refused"),
            controls);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldStopUnfinishedCancellingUnansweredDialsWithoutChargingThem(@TempDir final Path dir) throws Exception
    {
        carrier.script("+12145550311", PhoneScript.builder().ringForever().build());
        carrier.script("closer-dana", closerPhone());
        final Path journal = dir.resolve("journal");
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt"));
            DialerEngine engine = DialerEngine.start(context("phone,first_name\n+12145550311,Di\n+12145550312,Ed\n",
                dnc, journal)))
        {
            engine.control().closerLogin("dana").get(WAIT_S, TimeUnit.SECONDS);
            await(engine, "a dial ringing", s -> 1 == s.live());

            assertTrue(engine.campaigns().get(0).stop("end of shift").get(WAIT_S, TimeUnit.SECONDS).applied());

            assertTrue(engine.awaitFinished(WAIT_S, TimeUnit.SECONDS));
            final CampaignState state = engine.campaigns().get(0).state();
            assertEquals(CampaignState.Status.STOPPED, state.status());
            assertEquals("end of shift", state.reason());
            assertEquals(2, state.leads() - state.leadsDone(), "both leads still open");
        }
        final List<String> records = new ArrayList<>();
        Journal.replay(journal, new CampaignLog()
        {
            @Override
            public void attemptRefunded(
                final long timeMs, final int lead, final long callId, final CharSequence reason)
            {
                records.add("refunded " + lead + " " + reason);
            }

            @Override
            public void campaignStopped(
                final long timeMs, final int run, final CharSequence reason, final int openLeads,
                final int heldByWindow, final long nextDialableMs)
            {
                records.add("stopped " + reason + " open " + openLeads);
            }

            @Override
            public void campaignFinished(final long timeMs, final int run)
            {
                records.add("finished");
            }
        });
        assertEquals(List.of("refunded 0 cancelled by the dialer", "stopped end of shift open 2"), records);
    }

    private CampaignContext campaign(final String name, final String csv, final DoNotCallList dnc, final Path journal)
    {
        return new CampaignContext()
            .name(name)
            .leads(new LeadListReader("US").read(name + ".csv", csv))
            .script(script)
            .gate(new DialGate(WindowPolicy.defaultPolicy(),
                new RetryPolicy.Context().maxAttempts(1).maxAttemptsPerDay(1).policy(), dnc))
            .trunkHost(carrier.stack().localAddress().getHostString() + ":" + carrier.stack().port())
            .transfer(new TransferConfiguration.Context().reassuranceIntervalMs(0).maxAttempts(3))
            .prompts(prompts)
            .journalDir(journal);
    }

    private static List<String> dialed(final Path journal)
    {
        final List<String> numbers = new ArrayList<>();
        Journal.replay(journal, new CampaignLog()
        {
            @Override
            public void dialed(
                final long timeMs, final int lead, final long callId, final int attempt, final CharSequence e164,
                final CharSequence why)
            {
                numbers.add(e164.toString());
            }
        });
        return numbers;
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldRunTwoCampaignsOverOneCloserEachOnItsOwnJournalAndResumeThem(@TempDir final Path dir)
        throws Exception
    {
        for (final String number : List.of("+12145550401", "+12145550402", "+12145550411", "+12145550412"))
        {
            carrier.script(number, person());
        }
        carrier.script("closer-dana", PhoneScript.builder().answerAfterMs(100)
            .acceptAfterBriefing(500, 8_000).hangupAfterKeyMs(500).build());
        final Path floorJournal = dir.resolve("floor");
        final long start = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, CHICAGO).toInstant().toEpochMilli();
        final List<Offer> offers = new CopyOnWriteArrayList<>();
        final List<String> offersEnded = new CopyOnWriteArrayList<>();
        try (DoNotCallList dnc = new DoNotCallList(dir.resolve("opt-outs.txt")))
        {
            final EngineContext floor = new EngineContext()
                .offers(new OfferListener()
                {
                    @Override
                    public void offered(final Offer offer)
                    {
                        offers.add(offer);
                    }

                    @Override
                    public void ended(final String closerId, final long callId, final String result, final long atMs)
                    {
                        offersEnded.add(closerId + " " + result);
                    }
                })
                .closers(List.of(new Closer("dana", "Dana", carrier.uri("closer-dana"), List.of("sales"))))
                .closersLoginAtStart(false)
                .wrapUpMs(0)
                .doNotCall(dnc)
                .clock(new CampaignClock(SystemEpochClock.INSTANCE, start), false)
                .stacks(dialer)
                .journalDir(floorJournal);
            try (DialerEngine engine = DialerEngine.start(floor))
            {
                assertTrue(engine.control().closerLogin("dana").get(WAIT_S, TimeUnit.SECONDS).applied());
                final RunningCampaign autos = engine.startCampaign(campaign("autos",
                    "phone,first_name\n+12145550401,Al\n+12145550402,Bo\n", dnc, dir.resolve("autos")))
                    .get(WAIT_S, TimeUnit.SECONDS);
                final RunningCampaign homes = engine.startCampaign(campaign("homes",
                    "phone,first_name\n+12145550411,Cal\n+12145550412,Di\n", dnc, dir.resolve("homes")))
                    .get(WAIT_S, TimeUnit.SECONDS);
                assertTrue(engine.startCampaign(campaign("autos", "phone\n+12145550499\n", dnc,
                    dir.resolve("again"))).handle((c, error) -> error instanceof IllegalArgumentException)
                    .get(WAIT_S, TimeUnit.SECONDS), "a campaign's name is unique among those running");

                // one closer: never more than one line for both campaigns together
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                int mostLive = 0;
                while (!(autos.isFinished() && homes.isFinished()) && System.nanoTime() < deadline)
                {
                    final LiveState state = engine.control().refresh().get(WAIT_S, TimeUnit.SECONDS);
                    int dialing = 0;
                    for (final CampaignState campaign : state.campaigns())
                    {
                        dialing += campaign.callsByPhase().getOrDefault("DIALING", 0) +
                            campaign.callsByPhase().getOrDefault("DETECTING", 0) +
                            campaign.callsByPhase().getOrDefault("QUALIFYING", 0);
                    }
                    mostLive = Math.max(mostLive, dialing);
                }
                assertTrue(autos.isFinished() && homes.isFinished(), "both campaigns finished");
                assertEquals(1, mostLive, "one line at a time for one closer shared by two campaigns");
                assertEquals(2, autos.state().bridged());
                assertEquals(2, homes.state().bridged());
                assertEquals(CampaignState.Status.FINISHED, autos.state().status());
                assertTrue(engine.isFinished());
                // the closer's screen: who is coming, before the phone rings
                assertEquals(4, offers.size());
                final Offer first = offers.stream().filter(o -> o.phone().equals("+12145550401")).findFirst()
                    .orElseThrow();
                assertEquals("dana", first.closerId());
                assertEquals("autos", first.campaign());
                assertEquals("Al", first.fields().get("first_name"));
                assertEquals(List.of(new Offer.Answer("q1", "yes")), first.answers());
                assertEquals("Lead Al said yes", first.summary());
                assertEquals(List.of("dana ACCEPTED", "dana ACCEPTED", "dana ACCEPTED", "dana ACCEPTED"),
                    offersEnded);
            }
            assertEquals(List.of("+12145550401", "+12145550402"), dialed(dir.resolve("autos")));
            assertEquals(List.of("+12145550411", "+12145550412"), dialed(dir.resolve("homes")));
            assertEquals(List.of(), dialed(floorJournal), "the engine's journal holds the floor's records only");

            // a restart resumes the closers' presence from the engine's journal and each campaign from its own
            try (DialerEngine engine = DialerEngine.start(floor))
            {
                assertEquals("AVAILABLE", closerState(engine.control().refresh().get(WAIT_S, TimeUnit.SECONDS),
                    "dana"), "dana was logged in when the engine stopped");
                final RunningCampaign autos = engine.startCampaign(campaign("autos",
                    "phone,first_name\n+12145550401,Al\n+12145550402,Bo\n", dnc, dir.resolve("autos")))
                    .get(WAIT_S, TimeUnit.SECONDS);
                assertEquals(2, autos.run());
                assertTrue(autos.awaitFinished(WAIT_S, TimeUnit.SECONDS), "nothing left to dial");
            }
            assertEquals(List.of("+12145550401", "+12145550402"), dialed(dir.resolve("autos")), "nothing redialed");
        }
    }
}
