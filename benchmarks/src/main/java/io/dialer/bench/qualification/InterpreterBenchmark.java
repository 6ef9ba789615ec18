/*
 * Dialer benchmarks.
 */
package io.dialer.bench.qualification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.dialer.qualification.ActionSink;
import io.dialer.qualification.CompileResult;
import io.dialer.qualification.Conversation;
import io.dialer.qualification.ConversationResult;
import io.dialer.qualification.Prompt;
import io.dialer.qualification.Question;
import io.dialer.qualification.Script;
import io.dialer.qualification.ScriptCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One interpreter step of a qualification script, in steady state (one conversation object reused, as the dialer
 * does per call slot). Each benchmark reports time per event (a step), over a loop that returns to where it began:
 * <ul>
 *     <li>{@code choiceStep}: a keypad choice, the rules run (set membership on a lead
 *     field, numeric range, and/or), the branch is taken, the next prompt plays and finishes: 2 events;</li>
 *     <li>{@code digitsStep}: a ZIP code, 5 digits (each re-arms the inter-digit timer) then the rules (ZIP in a
 *     service-area list) and the next prompt: 6 events;</li>
 *     <li>{@code qualifiedConversation}: the auto-insurance example from reset to qualified (21 events), including
 *     the summary string built at the end.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar Interpreter -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InterpreterBenchmark
{
    private static final String LOOP_SCRIPT = String.join("\n",
        "lead_fields: [state, zip]",
        "lists: { area: [75201, 75202, 75203, 75204, 75205, 78701, 78702, 78703] }",
        "opt_out: { key: '*', prompt: bye }",
        "defaults: { on_no_input: out, on_invalid: out }",
        "greeting: { prompt: hi, next: pick }",
        "questions:",
        "  pick:",
        "    prompt: pick",
        "    choices: { '1': yes, '2': no, '3': later }",
        "    next:",
        "      - if: answers.pick == later",
        "        goto: zip",
        "      - goto: pick",
        "  zip:",
        "    prompt: zip",
        "    digits: { length: 5 }",
        "    next: pick",
        "rules:",
        "  - if: lead.state != TX and lead.state != OK",
        "    then: out",
        "  - if: answers.pick == no or (answers.zip < 70000 and not answers.zip in area)",
        "    then: out",
        "  - if: answers.zip not in area and answers.pick == yes",
        "    then: out",
        "outcomes:",
        "  out: { type: disqualified, reason: r, prompt: bye }",
        "  done: { type: qualified, skill: s, summary: '{lead.state} {answers.zip}' }",
        "");

    private final CountingSink sink = new CountingSink();
    private Conversation loop;
    private Conversation auto;
    private String[] autoLead;
    private long now;

    /**
     * An action sink that only counts, so that the benchmark measures the interpreter.
     */
    static final class CountingSink implements ActionSink
    {
        long actions;
        String lastSummary;

        public void play(final Prompt prompt, final boolean bargeIn)
        {
            actions++;
        }

        public void stopPrompts()
        {
            actions++;
        }

        public void collect(final Question question, final long deadlineMs)
        {
            actions += deadlineMs;
        }

        public void timer(final long deadlineMs)
        {
            actions += deadlineMs;
        }

        public void answer(final Question question, final CharSequence value)
        {
            actions += value.length();
        }

        public void qualified(final String skill, final String summary)
        {
            lastSummary = summary;
        }

        public void disqualified(final String reason, final Prompt closingPrompt)
        {
            throw new IllegalStateException("disqualified: " + reason);
        }

        public void callback(final CharSequence requestedTime, final Prompt closingPrompt)
        {
            actions++;
        }

        public void optOut(final Prompt closingPrompt)
        {
            actions++;
        }

        public void hangUp()
        {
            actions++;
        }
    }

    /**
     * Compiles the scripts and brings the loop conversation to its first question.
     *
     * @throws Exception when a script does not validate.
     */
    @Setup
    public void setUp() throws Exception
    {
        final CompileResult loopScript = ScriptCompiler.compile("loop.yaml", LOOP_SCRIPT, null);
        if (!loopScript.isValid())
        {
            throw new IllegalStateException(loopScript.errors().toString());
        }
        final Script script = loopScript.script();
        loop = new Conversation(script, sink).reset(script.leadValues(Map.of("state", "TX", "zip", "75201")));
        loop.start(now);
        loop.promptFinished(now += 1000);
        loop.promptFinished(now += 1000);

        Path dir = Path.of("").toAbsolutePath();
        while (null != dir && !Files.isRegularFile(dir.resolve("examples/auto-insurance.yaml")))
        {
            dir = dir.getParent();
        }
        if (null == dir)
        {
            throw new IllegalStateException("run from the repository: examples/auto-insurance.yaml not found");
        }
        final CompileResult autoScript = ScriptCompiler.compile(dir.resolve("examples/auto-insurance.yaml"));
        if (!autoScript.isValid())
        {
            throw new IllegalStateException(autoScript.errors().toString());
        }
        auto = new Conversation(autoScript.script(), sink);
        autoLead = autoScript.script().leadValues(
            Map.of("first_name", "Ana", "last_name", "Ruiz", "city", "Dallas", "state", "TX"));
    }

    /**
     * A choice key, the rules, the branch, the next prompt and its end.
     *
     * @return the action count, against dead-code elimination.
     */
    @Benchmark
    @OperationsPerInvocation(2)
    public long choiceStep()
    {
        loop.key('1', now += 100);
        loop.promptFinished(now += 100);
        return sink.actions;
    }

    /**
     * A five-digit ZIP code, the rules and the next prompt (after a choice that leads to it).
     *
     * @return the action count, against dead-code elimination.
     */
    @Benchmark
    @OperationsPerInvocation(8)
    public long digitsStep()
    {
        loop.key('3', now += 100);
        loop.promptFinished(now += 100);
        loop.key('7', now += 100);
        loop.key('5', now += 100);
        loop.key('2', now += 100);
        loop.key('0', now += 100);
        loop.key('1', now += 100);
        loop.promptFinished(now += 100);
        return sink.actions;
    }

    /**
     * The auto-insurance example from reset to qualified, summary included.
     *
     * @return the summary, against dead-code elimination.
     */
    @Benchmark
    @OperationsPerInvocation(21)
    public String qualifiedConversation()
    {
        final Conversation c = auto.reset(autoLead);
        long t = 0;
        c.start(t);
        c.promptFinished(t += 8000);
        c.promptFinished(t += 3000);
        c.key('1', t += 500);
        c.promptFinished(t += 3000);
        c.key('7', t += 500);
        c.key('5', t += 500);
        c.key('2', t += 500);
        c.key('0', t += 500);
        c.key('1', t += 500);
        c.key('#', t += 500);
        c.promptFinished(t += 3000);
        c.key('3', t += 500);
        c.key('4', t += 500);
        c.key('#', t += 500);
        c.promptFinished(t += 5000);
        c.key('1', t += 500);
        if (ConversationResult.QUALIFIED != c.result())
        {
            throw new IllegalStateException("not qualified: " + c.result());
        }
        return sink.lastSummary;
    }
}
