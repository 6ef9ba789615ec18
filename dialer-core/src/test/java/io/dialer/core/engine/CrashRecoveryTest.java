/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Journal;
import io.dialer.core.journal.RecoveryState;
import io.dialer.core.journal.Step;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.transfer.TransferOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dialer killed with SIGKILL in the middle of a campaign, then restarted on the same journal: a campaign in a
 * child JVM ({@link CrashCampaignMain}) is killed when the journal shows a chosen point (first dispositions, many
 * calls live, near the end, or twice in a row), restarted until it finishes, and the whole journal is then audited:
 * every dial has exactly one disposition (the calls live at the kill get FAILED "dialer restarted during the call" from
 * the next run), no lead is dialed after its final disposition, its opt-out or its closing, nor beyond the attempt cap,
 * attempts and retry times carry over, every lead ends as its phone's behaviour says, and the journal's runs and counts
 * cover every run.
 * <p>
 * The scenarios run at the same time, each in its own child JVMs and journal; the class takes well under a minute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class CrashRecoveryTest
{
    private static final String RESTARTED = "dialer restarted during the call";
    private static final int LEADS = 15;
    private static final int MAX_ATTEMPTS = 3;
    private static final long KILL_POINT_TIMEOUT_MS = 60_000;
    private static final long FINISH_TIMEOUT_MS = 90_000;
    private static final long RETRY_SLACK_MS = 60_000;
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(25);

    private final ExecutorService scenarios = Executors.newFixedThreadPool(4, runnable ->
    {
        final Thread thread = new Thread(runnable, "crash-scenario");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();

    private Path dir;

    @BeforeAll
    void startScenarios(@TempDir final Path tempDir)
    {
        dir = tempDir;
        // the first dispositions are in while most calls of the first wave are still up
        start("early", 11, 2, progress -> progress.dispositions >= 1);
        // calls answered and talking: verdicts in, greetings, opt-outs and voicemail messages under way
        start("middle", 12, 2, progress -> progress.verdicts >= 3 && progress.inFlight() >= 5);
        // all but the last few calls of the campaign done
        start("late", 13, 2, progress -> progress.dispositions >= expectedDials(13) - 3);
        // killed early in the first run, then again once the second run is dialing
        start("twice", 14, 3, progress -> progress.dialed >= LEADS - 2 && progress.inFlight() >= 4,
            progress -> progress.run == 2 && progress.dialedInRun >= 3);
    }

    @AfterAll
    void stopScenarios()
    {
        scenarios.shutdownNow();
    }

    @Test
    void shouldRecoverFromAKillAfterTheFirstDispositions() throws Exception
    {
        verify("early");
    }

    @Test
    void shouldRecoverFromAKillWithManyCallsLive() throws Exception
    {
        final Outcome outcome = verify("middle");
        assertFalse(outcome.inFlightAtKill.get(0).isEmpty(), "calls were live at the kill");
    }

    @Test
    void shouldRecoverFromAKillNearTheEnd() throws Exception
    {
        verify("late");
    }

    @Test
    void shouldRecoverFromTwoKillsInARow() throws Exception
    {
        verify("twice");
    }

    @SafeVarargs
    private void start(final String name, final long seed, final int runs, final Predicate<Progress>... killPoints)
    {
        assertEquals(runs, killPoints.length + 1);
        outcomes.put(name, CompletableFuture.supplyAsync(() -> run(name, seed, killPoints), scenarios));
    }

    private Outcome verify(final String name) throws Exception
    {
        final Outcome outcome = outcomes.get(name).get(FINISH_TIMEOUT_MS * 2, TimeUnit.MILLISECONDS);
        final CrashCampaignMain.Kind[] kinds = CrashCampaignMain.population(LEADS, outcome.seed);
        final Audit audit = new Audit();
        Journal.replay(outcome.journal, audit);
        final List<String> problems = audit.check(kinds, outcome);

        final RecoveryState state = new RecoveryState();
        Journal.replay(outcome.journal, state);
        if (!state.finished() || state.runs() != outcome.runs || state.inFlight().length > 0)
        {
            problems.add("recovery state: finished=" + state.finished() + " runs=" + state.runs() +
                " in flight=" + state.inFlight().length);
        }
        for (int lead = 0; lead < LEADS; lead++)
        {
            if (!state.closed(lead) && state.attempts(lead) < MAX_ATTEMPTS)
            {
                problems.add("lead " + lead + ": not closed with " + state.attempts(lead) + " attempts");
            }
        }
        assertTrue(problems.isEmpty(), name + ": " + String.join("\n", problems) + "\n--- journal:\n" +
            String.join("\n", audit.lines) + "\n--- child output:\n" + String.join("\n", outcome.output));
        return outcome;
    }

    /**
     * Expected dials of a campaign that is never killed: three for busy, no-answer and hang-up leads, one for the
     * others.
     */
    private static int expectedDials(final long seed)
    {
        int dials = 0;
        for (final CrashCampaignMain.Kind kind : CrashCampaignMain.population(LEADS, seed))
        {
            dials += kind.expected.isFinal() ? 1 : MAX_ATTEMPTS;
        }
        return dials;
    }

    // ------------------------------------------------------------------------------------------------------------
    // one scenario: kill at each point, then run to the end

    private Outcome run(final String name, final long seed, final Predicate<Progress>[] killPoints)
    {
        final Path scenario = dir.resolve(name);
        final Path journal = scenario.resolve("journal");
        final Outcome outcome = new Outcome(seed, journal, killPoints.length + 1);
        try
        {
            for (int kill = 0; kill < killPoints.length; kill++)
            {
                final Child child = new Child(journal, seed, scenario.resolve("run-" + (kill + 1) + ".log"));
                try
                {
                    final Predicate<Progress> point = killPoints[kill];
                    await(name + " run " + (kill + 1) + ": the kill point", KILL_POINT_TIMEOUT_MS, child,
                        () -> point.test(Progress.of(journal)));
                    assertTrue(child.process.isAlive() && !child.finished, name + ": running at the kill point");
                    child.process.destroyForcibly();
                    assertTrue(child.process.waitFor(20, TimeUnit.SECONDS), name + ": killed child exits");
                    assertEquals(137, child.process.exitValue(), name + ": killed by SIGKILL");
                    assertFalse(child.finished, name + ": killed before it finished");
                }
                finally
                {
                    child.close(outcome.output);
                }
                final RecoveryState state = new RecoveryState();
                Journal.replay(journal, state);
                final Set<Long> inFlight = new TreeSet<>();
                for (final int lead : state.inFlight())
                {
                    inFlight.add(state.inFlightCallId(lead));
                }
                outcome.inFlightAtKill.add(inFlight);
            }

            final Child last = new Child(journal, seed, scenario.resolve("run-" + outcome.runs + ".log"));
            try
            {
                await(name + " last run: FINISHED", FINISH_TIMEOUT_MS, last, () -> !last.process.isAlive());
                assertTrue(last.process.waitFor(20, TimeUnit.SECONDS));
                assertEquals(0, last.process.exitValue(), name + ": the last run exits 0");
                await(name + " last run: output read", 5_000, null, () -> last.eof);
                assertTrue(last.finished, name + ": the last run printed " + CrashCampaignMain.FINISHED);
                outcome.lastStats = last.lastLine;
            }
            finally
            {
                last.close(outcome.output);
            }
            return outcome;
        }
        catch (final IOException | InterruptedException | AssertionError ex)
        {
            throw new AssertionError(ex.getMessage() + "\n--- child output:\n" + String.join("\n", outcome.output), ex);
        }
    }

    private static void await(final String what, final long timeoutMs, final Child child, final BooleanSupplier done)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!done.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            if (null != child && !child.process.isAlive() && !done.getAsBoolean())
            {
                throw new AssertionError("the child exited (" + child.process.exitValue() + ") before " + what);
            }
            LockSupport.parkNanos(POLL_NS);
        }
    }

    /**
     * One run of {@link CrashCampaignMain} in a child JVM, its output read on a thread of its own.
     */
    private static final class Child
    {
        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final Path log;
        volatile boolean finished;
        volatile boolean eof;
        volatile String lastLine = "";

        Child(final Path journal, final long seed, final Path log) throws IOException
        {
            this.log = log;
            Files.createDirectories(log.getParent());
            final List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            final List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
            for (int i = 0; i < args.size(); i++)
            {
                final String arg = args.get(i);
                if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports") ||
                    arg.startsWith("-Dchronicle"))
                {
                    command.add(arg);
                    if (!arg.contains("=") && i + 1 < args.size())
                    {
                        command.add(args.get(++i));
                    }
                }
            }
            command.add("-Xmx256m");
            command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(CrashCampaignMain.class.getName());
            command.add(journal.toString());
            command.add(Integer.toString(LEADS));
            command.add(Long.toString(seed));
            process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectError(log.toFile()).start();
            final Thread reader = new Thread(this::read, "crash-child-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read()
        {
            try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while (null != (line = out.readLine()))
                {
                    lines.add(line);
                    lastLine = line;
                    if (line.startsWith(CrashCampaignMain.FINISHED))
                    {
                        finished = true;
                    }
                }
            }
            catch (final IOException ex)
            {
                lines.add("output: " + ex);
            }
            finally
            {
                eof = true;
            }
        }

        void close(final List<String> output) throws IOException
        {
            if (process.isAlive())
            {
                process.destroyForcibly();
            }
            output.add("--- " + log.getFileName() + " (stdout)");
            synchronized (lines)
            {
                output.addAll(lines);
            }
            if (Files.exists(log))
            {
                output.add("--- " + log.getFileName() + " (stderr)");
                final List<String> errors = Files.readAllLines(log, StandardCharsets.UTF_8);
                output.addAll(errors.subList(Math.max(0, errors.size() - 40), errors.size()));
            }
        }
    }

    /**
     * What a scenario did: its journal, its runs, the calls live at each kill, the children's output.
     */
    private static final class Outcome
    {
        final long seed;
        final Path journal;
        final int runs;
        final List<Set<Long>> inFlightAtKill = new ArrayList<>();
        final List<String> output = Collections.synchronizedList(new ArrayList<>());
        String lastStats = "";

        Outcome(final long seed, final Path journal, final int runs)
        {
            this.seed = seed;
            this.journal = journal;
            this.runs = runs;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // watching the journal

    /**
     * Counts of the journal so far, for the kill points.
     */
    private static final class Progress implements CampaignLog
    {
        int run;
        int dialed;
        int dialedInRun;
        int dispositions;
        int verdicts;

        static Progress of(final Path journal)
        {
            final Progress progress = new Progress();
            Journal.replay(journal, progress);
            return progress;
        }

        int inFlight()
        {
            return dialed - dispositions;
        }

        @Override
        public void campaignStarted(
            final long timeMs, final int run, final CharSequence campaign, final CharSequence leadsFile,
            final int leads, final int closers)
        {
            this.run = run;
            dialedInRun = 0;
        }

        @Override
        public void dialed(
            final long timeMs, final int lead, final long callId, final int attempt, final CharSequence e164,
            final CharSequence why)
        {
            dialed++;
            dialedInRun++;
        }

        @Override
        public void verdict(
            final long timeMs, final int lead, final long callId, final Verdict verdict, final Cause cause,
            final int positionMs)
        {
            verdicts++;
        }

        @Override
        public void disposition(
            final long timeMs, final int lead, final long callId, final int attempt, final Disposition disposition,
            final long nextAttemptMs, final CharSequence detail)
        {
            dispositions++;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // auditing the whole journal

    private record Dial(int index, int run, long timeMs, long callId, int attempt)
    {
    }

    private record Outcall(
        int index, int run, long timeMs, long callId, int attempt, Disposition disposition, long nextMs, String detail)
    {
        boolean crash()
        {
            return RESTARTED.contentEquals(detail);
        }
    }

    /**
     * Every record of the journal that matters to recovery, per lead, in order.
     */
    private static final class Audit implements CampaignLog
    {
        final List<String> lines = new ArrayList<>();
        final List<Integer> runsStarted = new ArrayList<>();
        final List<Integer> runsFinished = new ArrayList<>();
        final List<List<Dial>> dials = new ArrayList<>();
        final List<List<Outcall>> dispositions = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final int[] optedOutAt = new int[LEADS];
        final int[] closedAt = new int[LEADS];
        final String[] closedReason = new String[LEADS];
        final Map<Long, Dial> dialByCall = new HashMap<>();
        final Map<Long, List<Outcall>> dispositionsByCall = new HashMap<>();
        int index;
        int run;
        int firstDialOfRun = -1;

        Audit()
        {
            for (int lead = 0; lead < LEADS; lead++)
            {
                dials.add(new ArrayList<>());
                dispositions.add(new ArrayList<>());
            }
            Arrays.fill(optedOutAt, Integer.MAX_VALUE);
            Arrays.fill(closedAt, Integer.MAX_VALUE);
        }

        @Override
        public void campaignStarted(
            final long timeMs, final int run, final CharSequence campaign, final CharSequence leadsFile,
            final int leads, final int closers)
        {
            line(timeMs, "started run=" + run + " leads=" + leads);
            this.run = run;
            runsStarted.add(run);
            firstDialOfRun = -1;
        }

        @Override
        public void dialed(
            final long timeMs, final int lead, final long callId, final int attempt, final CharSequence e164,
            final CharSequence why)
        {
            line(timeMs, "dialed lead=" + lead + " call=" + callId + " attempt=" + attempt + " " + e164);
            if (-1 == firstDialOfRun)
            {
                firstDialOfRun = index;
            }
            final List<Dial> leadDials = dials.get(lead);
            final Dial dial = new Dial(index, run, timeMs, callId, attempt);
            // (b) never after the lead's final disposition, opt-out or closing
            final int finalAt = Math.min(finalDispositionAt(lead), Math.min(optedOutAt[lead], closedAt[lead]));
            if (finalAt < index)
            {
                problems.add("lead " + lead + ": dialed (call " + callId + ") after record " + finalAt +
                    " made it final");
            }
            // (b) never while its previous call has no disposition
            for (final Dial previous : leadDials)
            {
                if (!dispositionsByCall.containsKey(previous.callId()))
                {
                    problems.add("lead " + lead + ": dialed (call " + callId + ") while call " + previous.callId() +
                        " had no disposition");
                }
            }
            // (c) attempts carry over and stop at the cap
            if (attempt != leadDials.size() + 1 || attempt > MAX_ATTEMPTS)
            {
                problems.add("lead " + lead + ": call " + callId + " is attempt " + attempt + " after " +
                    leadDials.size() + " dials (cap " + MAX_ATTEMPTS + ")");
            }
            // retries keep their times: not before the previous disposition allowed, and when nothing else holds
            // them (the calling window, the daily cap), not later either
            final List<Outcall> leadDispositions = dispositions.get(lead);
            if (!leadDispositions.isEmpty())
            {
                final long dueMs = leadDispositions.get(leadDispositions.size() - 1).nextMs();
                if (timeMs < dueMs)
                {
                    problems.add("lead " + lead + ": call " + callId + " dialed before its retry time");
                }
                else if (timeMs - dueMs > RETRY_SLACK_MS && isFreeToDial(leadDials, dueMs))
                {
                    problems.add("lead " + lead + ": call " + callId + " dialed " + (timeMs - dueMs) / 1000 +
                        " s after its retry time");
                }
            }
            if (null != dialByCall.put(callId, dial))
            {
                problems.add("call id " + callId + " dialed twice");
            }
            leadDials.add(dial);
        }

        @Override
        public void leadClosed(final long timeMs, final int lead, final CharSequence reason, final CharSequence detail)
        {
            line(timeMs, "closed lead=" + lead + " " + reason + " " + detail);
            closedAt[lead] = Math.min(closedAt[lead], index);
            closedReason[lead] = reason.toString();
        }

        @Override
        public void answered(final long timeMs, final int lead, final long callId)
        {
            line(timeMs, "answered lead=" + lead + " call=" + callId);
        }

        @Override
        public void verdict(
            final long timeMs, final int lead, final long callId, final Verdict verdict, final Cause cause,
            final int positionMs)
        {
            line(timeMs, "verdict lead=" + lead + " call=" + callId + " " + verdict + " " + cause);
        }

        @Override
        public void answer(
            final long timeMs, final int lead, final long callId, final CharSequence question,
            final CharSequence value)
        {
            line(timeMs, "answer lead=" + lead + " " + question + "=" + value);
        }

        @Override
        public void qualified(
            final long timeMs, final int lead, final long callId, final CharSequence skill,
            final CharSequence summary)
        {
            line(timeMs, "qualified lead=" + lead + " " + skill);
            problems.add("lead " + lead + ": qualified, no lead of this population can be");
        }

        @Override
        public void closerAttempt(
            final long timeMs, final int lead, final long callId, final CharSequence closerId,
            final CloserResult result)
        {
            line(timeMs, "closer lead=" + lead + " " + closerId + " " + result);
        }

        @Override
        public void transferEnded(
            final long timeMs, final int lead, final long callId, final TransferOutcome outcome,
            final CharSequence closerId)
        {
            line(timeMs, "transfer lead=" + lead + " " + outcome + " " + closerId);
        }

        @Override
        public void disposition(
            final long timeMs, final int lead, final long callId, final int attempt, final Disposition disposition,
            final long nextAttemptMs, final CharSequence detail)
        {
            line(timeMs, "disposition lead=" + lead + " call=" + callId + " attempt=" + attempt + " " + disposition +
                " next=" + (Long.MAX_VALUE == nextAttemptMs ? "never" : Long.toString(nextAttemptMs)) +
                " (" + detail + ")");
            final Outcall outcall = new Outcall(index, run, timeMs, callId, attempt, disposition, nextAttemptMs,
                detail.toString());
            final Dial dial = dialByCall.get(callId);
            // (a) one disposition per dial, same lead and attempt; a call live at a kill gets it from the next run
            if (null == dial || !dials.get(lead).contains(dial) || dial.attempt() != attempt)
            {
                problems.add("lead " + lead + ": disposition for call " + callId + " attempt " + attempt +
                    " that was not dialed as such");
            }
            else if (outcall.crash())
            {
                if (Disposition.FAILED != disposition || dial.run() >= run ||
                    (-1 != firstDialOfRun && firstDialOfRun < index))
                {
                    problems.add("lead " + lead + ": restart disposition " + disposition + " for call " + callId +
                        " of run " + dial.run() + " written in run " + run + " after its dials began");
                }
            }
            else if (dial.run() != run)
            {
                problems.add("lead " + lead + ": call " + callId + " of run " + dial.run() +
                    " ended in run " + run + " without the restart disposition");
            }
            if (null != dial && timeMs < dial.timeMs())
            {
                problems.add("lead " + lead + ": call " + callId + " ended at " + timeMs + ", before its dial at " +
                    dial.timeMs());
            }
            if (null != dispositionsByCall.putIfAbsent(callId, new ArrayList<>(List.of(outcall))))
            {
                dispositionsByCall.get(callId).add(outcall);
                problems.add("lead " + lead + ": call " + callId + " has more than one disposition");
            }
            dispositions.get(lead).add(outcall);
        }

        @Override
        public void optedOut(final long timeMs, final int lead, final CharSequence e164)
        {
            line(timeMs, "opted out lead=" + lead + " " + e164);
            optedOutAt[lead] = Math.min(optedOutAt[lead], index);
        }

        @Override
        public void latency(final long timeMs, final Step step, final long nanos)
        {
            index++;
        }

        @Override
        public void campaignFinished(final long timeMs, final int run)
        {
            line(timeMs, "finished run=" + run);
            runsFinished.add(run);
        }

        private void line(final long timeMs, final String text)
        {
            index++;
            lines.add(index + " run " + run + " " + Instant.ofEpochMilli(timeMs)
                .atZone(DialerEngineTest.CHICAGO).toLocalDateTime() + " " + text);
        }

        /**
         * Whether the demo campaign's gate lets a Dallas lead be dialed at a time: inside the 08:00-21:00 window, with
         * fewer than the day's two attempts made.
         */
        private static boolean isFreeToDial(final List<Dial> leadDials, final long timeMs)
        {
            final ZonedDateTime at = Instant.ofEpochMilli(timeMs).atZone(DialerEngineTest.CHICAGO);
            int today = 0;
            for (final Dial dial : leadDials)
            {
                final LocalDate day = Instant.ofEpochMilli(dial.timeMs()).atZone(DialerEngineTest.CHICAGO)
                    .toLocalDate();
                today += day.equals(at.toLocalDate()) ? 1 : 0;
            }
            return at.getHour() >= 8 && at.getHour() < 21 && today < 2;
        }

        private int finalDispositionAt(final int lead)
        {
            for (final Outcall outcall : dispositions.get(lead))
            {
                if (Long.MAX_VALUE == outcall.nextMs())
                {
                    return outcall.index();
                }
            }
            return Integer.MAX_VALUE;
        }

        List<String> check(final CrashCampaignMain.Kind[] kinds, final Outcome outcome)
        {
            final List<String> all = new ArrayList<>(problems);
            int dialCount = 0;
            int lastRunDials = 0;
            final Set<Long> crashed = new HashSet<>();
            for (int lead = 0; lead < LEADS; lead++)
            {
                final List<Dial> leadDials = dials.get(lead);
                final List<Outcall> leadDispositions = dispositions.get(lead);
                dialCount += leadDials.size();
                for (final Dial dial : leadDials)
                {
                    lastRunDials += dial.run() == outcome.runs ? 1 : 0;
                    // (a) every dial has its disposition
                    if (!dispositionsByCall.containsKey(dial.callId()))
                    {
                        all.add("lead " + lead + ": call " + dial.callId() + " has no disposition");
                    }
                }
                for (final Outcall outcall : leadDispositions)
                {
                    if (outcall.crash())
                    {
                        crashed.add(outcall.callId());
                    }
                }
                checkEnd(lead, kinds[lead], leadDials, leadDispositions, all);
            }

            // the restart dispositions are exactly for the calls live at the kills
            final Set<Long> live = new TreeSet<>();
            for (final Set<Long> calls : outcome.inFlightAtKill)
            {
                live.addAll(calls);
            }
            if (!live.equals(new TreeSet<>(crashed)))
            {
                all.add("restart dispositions for calls " + new TreeSet<>(crashed) + ", live at the kills " + live);
            }

            // (e) the runs and the counts cover every run
            final List<Integer> expectedRuns = new ArrayList<>();
            for (int r = 1; r <= outcome.runs; r++)
            {
                expectedRuns.add(r);
            }
            if (!runsStarted.equals(expectedRuns) || !runsFinished.equals(List.of(outcome.runs)))
            {
                all.add("runs started " + runsStarted + ", finished " + runsFinished + ", expected " + expectedRuns +
                    " and only the last finished");
            }
            int dispositionCount = 0;
            for (final List<Outcall> leadDispositions : dispositions)
            {
                dispositionCount += leadDispositions.size();
            }
            if (dispositionCount != dialCount || dialByCall.size() != dialCount)
            {
                all.add(dialCount + " dials, " + dialByCall.size() + " call ids, " + dispositionCount +
                    " dispositions");
            }
            if (!outcome.lastStats.contains(" dialed=" + lastRunDials + " ") ||
                !outcome.lastStats.contains(" done=" + LEADS + "/" + LEADS + " "))
            {
                all.add("the last run's stats '" + outcome.lastStats + "' do not match its " + lastRunDials +
                    " dials and " + LEADS + " leads done");
            }
            return all;
        }

        private void checkEnd(
            final int lead,
            final CrashCampaignMain.Kind kind,
            final List<Dial> leadDials,
            final List<Outcall> leadDispositions,
            final List<String> all)
        {
            final String who = "lead " + lead + " (" + kind + ")";
            if (leadDispositions.isEmpty() && closedAt[lead] == Integer.MAX_VALUE)
            {
                all.add(who + ": never dialed nor closed");
                return;
            }
            // every disposition is the phone's own, or the restart's FAILED
            for (final Outcall outcall : leadDispositions)
            {
                if (!outcall.crash() && kind.expected != outcall.disposition())
                {
                    all.add(who + ": disposition " + outcall.disposition() + " (" + outcall.detail() + ")");
                }
            }
            final Outcall last = leadDispositions.isEmpty() ? null : leadDispositions.get(leadDispositions.size() - 1);
            final boolean closed = closedAt[lead] != Integer.MAX_VALUE;
            final boolean exhausted = MAX_ATTEMPTS == leadDials.size() && null != last &&
                Long.MAX_VALUE == last.nextMs();
            switch (kind)
            {
                case BUSY, NO_ANSWER, HANG_UP ->
                {
                    // (d) retried to the cap, whatever the kills did
                    if (!exhausted || closed)
                    {
                        all.add(who + ": " + leadDials.size() + " dials, last " + last + ", closed " + closed);
                    }
                }
                case VOICEMAIL ->
                {
                    if (!(null != last && Disposition.MESSAGE_LEFT == last.disposition() && !closed) &&
                        !(exhausted && last.crash()))
                    {
                        all.add(who + ": ends with " + last + ", closed " + closed);
                    }
                }
                case OPT_OUT ->
                {
                    // opted out; or killed between the opt-out and the call's disposition, so the restart wrote
                    // FAILED and the gate then refused the number as do-not-call
                    final boolean optedOut = null != last && Disposition.OPTED_OUT == last.disposition() &&
                        optedOutAt[lead] < last.index();
                    final boolean refused = closed && "DO_NOT_CALL".equals(closedReason[lead]) &&
                        null != last && last.crash();
                    if (!optedOut && !refused && !(exhausted && last.crash()))
                    {
                        all.add(who + ": ends with " + last + ", closed " + closedReason[lead]);
                    }
                }
                default -> all.add(who + ": unknown kind");
            }
        }
    }
}
