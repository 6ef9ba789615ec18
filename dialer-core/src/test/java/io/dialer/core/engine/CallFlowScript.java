/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dialer.core.compliance.AbandonmentRule;
import io.dialer.core.compliance.CallProof;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Step;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.qualification.CompileResult;
import io.dialer.qualification.Script;
import io.dialer.qualification.ScriptCompiler;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;
import io.dialer.transfer.TimerKind;
import io.dialer.transfer.TransferConfiguration;
import io.dialer.transfer.TransferOutcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a {@link CallFlow} scenario: event lines {@code <timeMs> <event> [args]}, each followed by the exact commands
 * and journal records it must produce, indented. Call id 4097 (slot 1), lead 5, attempt 1; the script is
 * {@link #SCRIPT}; a closer request answers with the closer set by {@code free C} (once), else QUEUED, or NO_CLOSER
 * after {@code noCloser}. Timer cancels are recorded only for armed timers, as the engine's wheel sees them.
 */
final class CallFlowScript
{
    static final long CALL_ID = 4097;
    /** Time 0 of a scenario: Monday 2026-11-23 10:00 in Chicago; times in scenarios and timers are relative. */
    static final long BASE_MS = java.time.ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneId.of("America/Chicago"))
        .toInstant().toEpochMilli();
    static final int LEAD = 5;

    static final String SCRIPT = String.join("\n",
        "lead_fields: [first_name]",
        "opt_out: { key: '*', prompt: bye }",
        "defaults: { retries: 0, timeout_ms: 4000, inter_digit_timeout_ms: 2000, retry_prompt: again,",
        "  on_no_input: silent, on_invalid: silent }",
        "greeting: { prompt: hello, next: q1 }",
        "questions:",
        "  q1:",
        "    prompt: ask",
        "    choices: { '1': yes, '2': no, '3': later }",
        "    next:",
        "      - if: answers.q1 == no",
        "        goto: declined",
        "      - if: answers.q1 == later",
        "        goto: when",
        "      - goto: win",
        "  when:",
        "    prompt: when",
        "    choices: { '1': this evening, '2': tomorrow morning }",
        "    next: later",
        "outcomes:",
        "  win: { type: qualified, skill: closers, prompt: hold, summary: 'Lead {lead.first_name} said yes' }",
        "  declined: { type: disqualified, prompt: thanks, reason: said no }",
        "  silent: { type: disqualified, prompt: sorry, reason: no answer }",
        "  later: { type: callback, prompt: later-bye, time: answers.when }",
        "");

    private static final Script COMPILED = compile();

    private CallFlowScript()
    {
    }

    private static Script compile()
    {
        final CompileResult result = ScriptCompiler.compile("flow.yaml", SCRIPT, Path.of("."));
        assertTrue(result.isValid(), result.errors().toString());
        return result.script();
    }

    static CallSettings settings(final String configLine)
    {
        final TransferConfiguration.Context transfer = new TransferConfiguration.Context()
            .reassuranceIntervalMs(0).ringTimeoutMs(20_000).decisionTimeoutMs(15_000).promptGuardMs(10_000)
            .maxAttempts(2).holdLimitMs(120_000).introduction(false).callerIdPassThrough(true);
        boolean leaveMessage = true;
        long abandonMs = AbandonmentRule.MAX_DELAY_DEFAULT_MS;
        CallbackOffer offer = CallbackOffer.DEFAULT;
        if (null != configLine)
        {
            for (final String pair : configLine.trim().substring("config".length()).trim().split("\\s+"))
            {
                final String[] kv = pair.split("=");
                switch (kv[0])
                {
                    case "intro" -> transfer.introduction(Boolean.parseBoolean(kv[1]));
                    case "voicemail" -> leaveMessage = Boolean.parseBoolean(kv[1]);
                    case "offer" -> offer = Boolean.parseBoolean(kv[1]) ? CallbackOffer.DEFAULT : CallbackOffer.NONE;
                    case "hold" -> transfer.holdLimitMs(Long.parseLong(kv[1]));
                    case "abandon" -> abandonMs = Long.parseLong(kv[1]);
                    default -> throw new IllegalArgumentException("unknown config: " + pair);
                }
            }
        }
        return new CallSettings(COMPILED, transfer.conclude(), leaveMessage, 10_000, 30_000, offer,
            new AbandonmentRule(abandonMs, "Acme Solar", "+12145550100", 0.03, AbandonmentRule.RULE_BASIS_DEFAULT));
    }

    /**
     * Runs a scenario and checks every command of every event.
     *
     * @param scenario the scenario's lines.
     * @return the recorder, for checks of what is left.
     */
    static Recorder run(final String scenario)
    {
        final String[] lines = scenario.strip().split("\n");
        int i = 0;
        String config = null;
        if (lines[0].strip().startsWith("config"))
        {
            config = lines[0];
            i = 1;
        }
        final Recorder recorder = new Recorder();
        final CallFlow flow = new CallFlow(settings(config), recorder, recorder, new EngineStats());
        recorder.flow = flow;
        while (i < lines.length)
        {
            final String eventLine = lines[i++].strip();
            final List<String> expected = new ArrayList<>();
            while (i < lines.length && lines[i].startsWith(" ") && !lines[i].isBlank())
            {
                expected.add(lines[i++].strip());
            }
            apply(flow, recorder, eventLine);
            assertEquals(String.join("\n", expected), String.join("\n", recorder.drain()), "after: " + eventLine);
        }
        return recorder;
    }

    /**
     * Runs the events of a scenario without checks and returns the transcript, to write new tables.
     *
     * @param scenario the scenario (expected lines are ignored).
     * @return the events, each followed by what it produced.
     */
    static String trace(final String scenario)
    {
        final String[] lines = scenario.strip().split("\n");
        int i = 0;
        String config = null;
        final StringBuilder out = new StringBuilder();
        if (lines[0].strip().startsWith("config"))
        {
            config = lines[0];
            out.append(config.strip()).append('\n');
            i = 1;
        }
        final Recorder recorder = new Recorder();
        final CallFlow flow = new CallFlow(settings(config), recorder, recorder, new EngineStats());
        recorder.flow = flow;
        for (; i < lines.length; i++)
        {
            if (lines[i].startsWith(" ") || lines[i].isBlank())
            {
                continue;
            }
            apply(flow, recorder, lines[i].strip());
            out.append(lines[i].strip()).append('\n');
            for (final String command : recorder.drain())
            {
                out.append("    ").append(command).append('\n');
            }
        }
        return out.toString();
    }

    static void apply(final CallFlow flow, final Recorder recorder, final String eventLine)
    {
        final String[] f = eventLine.split("\\s+");
        final long now = Long.parseLong(f[0]);
        flow.at(BASE_MS + now, now * 1_000_000L);
        switch (f[1])
        {
            case "dial" -> flow.start(CALL_ID, LEAD, 1);
            case "free" -> recorder.nextCloser = Integer.parseInt(f[2]);
            case "noCloser" -> recorder.nextCloser = CallCommands.NO_CLOSER;
            case "answered" -> flow.onAnswered();
            case "failed" -> flow.onFailed(FailureCause.valueOf(f[2]), Integer.parseInt(f[3]), rest(f, 4));
            case "notSent" -> flow.onFailed(FailureCause.CARRIER_ERROR, 0, rest(f, 2));
            case "cancel" -> flow.cancel();
            case "ended" -> flow.onEnded(EndCause.valueOf(f[2]));
            case "key" -> flow.onKey(f[2].charAt(0));
            case "finished" -> flow.onPlaybackFinished(Long.parseLong(f[2]), f.length > 3);
            case "verdict" -> flow.onVerdict(Verdict.valueOf(f[2]), Cause.valueOf(f[3]), Integer.parseInt(f[4]));
            case "beep" -> flow.onBeep();
            case "noBeep" -> flow.onNoBeep();
            case "lateBeep" -> flow.onLateBeep(Integer.parseInt(f[2]));
            case "bridged" -> flow.onBridged();
            case "audio" -> flow.onFirstAudio();
            case "timer" ->
            {
                recorder.armed.remove(timer(f[2])); // fired: the wheel forgets it
                flow.onTimer(timer(f[2]));
            }
            case "assigned" -> flow.transfer().onCloserAssigned(Integer.parseInt(f[2]));
            case "closerRinging" -> flow.transfer().onCloserRinging(Integer.parseInt(f[2]));
            case "closerAnswered" -> flow.transfer().onCloserAnswered(Integer.parseInt(f[2]));
            case "closerFailed" -> flow.onCloserFailed(Integer.parseInt(f[2]), FailureCause.valueOf(f[3]), 486);
            case "closerEnded" -> flow.onCloserEnded(Integer.parseInt(f[2]));
            case "closerKey" -> flow.transfer().onCloserKey(Integer.parseInt(f[2]), f[3].charAt(0));
            case "closerFinished" -> flow.transfer().onCloserPlaybackFinished(
                Integer.parseInt(f[2]), Long.parseLong(f[3]), false);
            case "console" -> recorder.lines.add("console " + (flow.transfer().onConsoleDecision(
                Integer.parseInt(f[2]), "accept".equals(f[3])) ? "taken" : "refused"));
            default -> throw new IllegalArgumentException("unknown event: " + eventLine);
        }
    }

    private static String rest(final String[] fields, final int from)
    {
        return String.join(" ", java.util.Arrays.copyOfRange(fields, from, fields.length));
    }

    static int timer(final String name)
    {
        return switch (name)
        {
            case "CONVERSATION" -> CallFlow.TIMER_CONVERSATION;
            case "GUARD" -> CallFlow.TIMER_GUARD;
            case "ABANDON" -> CallFlow.TIMER_ABANDON;
            default -> CallFlow.TIMER_TRANSFER + TimerKind.valueOf(name).ordinal();
        };
    }

    static String timerName(final int timer)
    {
        return switch (timer)
        {
            case CallFlow.TIMER_CONVERSATION -> "CONVERSATION";
            case CallFlow.TIMER_GUARD -> "GUARD";
            case CallFlow.TIMER_ABANDON -> "ABANDON";
            default -> TimerKind.values()[timer - CallFlow.TIMER_TRANSFER].name();
        };
    }

    /**
     * Records what the flow asks for and journals, one line each.
     */
    static final class Recorder implements CallCommands, CampaignLog
    {
        final List<String> lines = new ArrayList<>();
        /** What the flow told predictive pacing, apart from the commands the scenarios check. */
        final List<String> measured = new ArrayList<>();
        final Set<Integer> armed = new HashSet<>();
        CallFlow flow;
        int nextCloser = QUEUED;
        boolean released;

        List<String> drain()
        {
            final List<String> drained = new ArrayList<>(lines);
            lines.clear();
            return drained;
        }

        private void check(final long callId)
        {
            assertEquals(CALL_ID, callId, "call id of a command");
        }

        @Override
        public void playToLead(
            final long callId, final Object prompt, final boolean loop, final long token, final long originNanos,
            final int step)
        {
            check(callId);
            lines.add("lead play " + prompt + (loop ? " loop" : "") + " #" + token +
                (0 != originNanos ? " from " + originNanos / 1_000_000 : ""));
        }

        @Override
        public void stopLeadPlayback(final long callId)
        {
            check(callId);
            lines.add("lead stop");
        }

        @Override
        public void hangUpLead(final long callId)
        {
            check(callId);
            lines.add("lead hangup");
        }

        @Override
        public void callerOnHold(final long callId, final boolean onHold)
        {
            check(callId);
            lines.add("lead hold " + (onHold ? "on" : "off"));
        }

        @Override
        public void dialCloser(
            final long callId, final int closer, final boolean callerIdPassThrough, final long originNanos)
        {
            check(callId);
            lines.add("closer " + closer + " dial" + (callerIdPassThrough ? " passThrough" : "") +
                (0 != originNanos ? " from " + originNanos / 1_000_000 : ""));
        }

        @Override
        public void playToCloser(
            final long callId, final int closer, final io.dialer.transfer.Prompt prompt, final long token,
            final long originNanos)
        {
            check(callId);
            lines.add("closer " + closer + " play " + prompt + " #" + token +
                (0 != originNanos ? " from " + originNanos / 1_000_000 : ""));
        }

        @Override
        public void stopCloserPlayback(final long callId, final int closer)
        {
            check(callId);
            lines.add("closer " + closer + " stop");
        }

        @Override
        public void hangUpCloser(final long callId, final int closer)
        {
            check(callId);
            lines.add("closer " + closer + " hangup");
        }

        @Override
        public void bridge(final long callId, final int closer, final long originNanos)
        {
            check(callId);
            lines.add("bridge " + closer + (0 != originNanos ? " from " + originNanos / 1_000_000 : ""));
        }

        @Override
        public void introduce(final long callId, final int closer)
        {
            check(callId);
            lines.add("introduce " + closer);
        }

        @Override
        public void prepareBriefing(final long callId, final String summary)
        {
            check(callId);
            lines.add("briefing " + summary);
        }

        @Override
        public void startTimer(final long callId, final int timer, final long deadlineMs)
        {
            check(callId);
            armed.add(timer);
            lines.add("timer " + timerName(timer) + " @" + (deadlineMs - BASE_MS));
        }

        @Override
        public void cancelTimer(final long callId, final int timer)
        {
            check(callId);
            if (armed.remove(timer))
            {
                lines.add("cancel " + timerName(timer));
            }
        }

        @Override
        public int requestCloser(final long callId, final int skill, final int excludedCloser)
        {
            check(callId);
            final int result = nextCloser;
            nextCloser = QUEUED;
            lines.add("request skill=" + skill + " exclude=" + excludedCloser + " -> " +
                (result >= 0 ? "closer " + result : QUEUED == result ? "queued" : "none"));
            return result;
        }

        @Override
        public void cancelCloserRequest(final long callId)
        {
            check(callId);
            lines.add("unqueue");
        }

        @Override
        public void releaseCloser(final int closer)
        {
            lines.add("floor release " + closer);
        }

        @Override
        public void closerConnected(final int closer)
        {
            lines.add("floor connected " + closer);
        }

        @Override
        public void closerCallEnded(final int closer)
        {
            lines.add("floor callEnded " + closer);
        }

        @Override
        public void offer(final long callId, final int closer, final String summary)
        {
            check(callId);
            lines.add("offer " + closer + " '" + summary + "' answers '" +
                flow.answers().toString().replace('\n', ' ').trim() + "'");
        }

        @Override
        public void offerEnded(final long callId, final int closer, final CloserResult result)
        {
            check(callId);
            lines.add("offer ended " + closer + " " + result);
        }

        @Override
        public void leftPacing(final long callId)
        {
            check(callId);
            lines.add("pacing done");
        }

        @Override
        public void measured(
            final long callId, final PacingSample sample, final boolean yes, final long sinceDialMs,
            final long sinceAnswerMs)
        {
            check(callId);
            measured.add(sample + " " + yes + (sinceDialMs >= 0 ? " " + sinceDialMs + " " + sinceAnswerMs : ""));
        }

        @Override
        public void callEnded(
            final long callId, final int lead, final int attempt, final Disposition disposition,
            final long callbackAtMs, final CharSequence detail, final boolean charged, final boolean trunkFailure)
        {
            check(callId);
            assertEquals(LEAD, lead);
            lines.add("END " + disposition + " '" + detail + "'" + (0 != callbackAtMs ? " callback" : "") +
                (charged ? "" : " refunded") + (trunkFailure ? " trunk" : ""));
        }

        @Override
        public void optOut(final int lead)
        {
            lines.add("optout " + lead);
        }

        @Override
        public void latency(final long callId, final Step step, final long endNanos, final long nanos)
        {
            lines.add("latency " + step + " " + nanos / 1_000_000);
        }

        @Override
        public void released(final long callId)
        {
            check(callId);
            released = true;
            armed.clear();
            lines.add("released");
        }

        @Override
        public ZoneId zoneOf(final int lead)
        {
            return ZoneId.of("America/Chicago");
        }

        @Override
        public String[] leadValues(final int lead)
        {
            return COMPILED.leadValues(Map.of("first_name", "Ana"));
        }

        @Override
        public int skillId(final String skill)
        {
            return 7;
        }

        @Override
        public String closerId(final int closer)
        {
            return "c" + closer;
        }

        // ---- the journal

        @Override
        public void answered(final long timeMs, final int lead, final long callId)
        {
            lines.add("journal answered");
        }

        @Override
        public void verdict(
            final long timeMs, final int lead, final long callId, final Verdict verdict, final Cause cause,
            final int positionMs)
        {
            lines.add("journal verdict " + verdict + " " + cause + " " + positionMs);
        }

        @Override
        public void answer(
            final long timeMs, final int lead, final long callId, final CharSequence question,
            final CharSequence value)
        {
            lines.add("journal answer " + question + "=" + value);
        }

        @Override
        public void qualified(
            final long timeMs, final int lead, final long callId, final CharSequence skill,
            final CharSequence summary)
        {
            lines.add("journal qualified " + skill + " '" + summary + "'");
        }

        @Override
        public void closerAttempt(
            final long timeMs, final int lead, final long callId, final CharSequence closerId,
            final CloserResult result)
        {
            lines.add("journal closerAttempt " + closerId + " " + result);
        }

        @Override
        public void callProof(
            final long timeMs, final int lead, final long callId, final long answeredMs, final long greetingEndMs,
            final long firstAudioMs, final long closerConnectMs, final int flags, final CharSequence ruleBasis,
            final double targetRate)
        {
            lines.add("journal proof answered " + at(answeredMs) + " greetingEnd " + at(greetingEndMs) +
                " firstAudio " + at(firstAudioMs) + " closer " + at(closerConnectMs) + " " +
                CallProof.describe(flags));
        }

        private static String at(final long timeMs)
        {
            return 0 == timeMs ? "-" : Long.toString(timeMs - BASE_MS);
        }

        @Override
        public void transferEnded(
            final long timeMs, final int lead, final long callId, final TransferOutcome outcome,
            final CharSequence closerId)
        {
            lines.add("journal transferEnded " + outcome + " '" + closerId + "'");
        }
    }
}
