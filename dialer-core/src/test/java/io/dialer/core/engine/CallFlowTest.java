/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every path of a call, as a table: each scenario of {@code call-flow-scenarios.txt} feeds a {@link CallFlow} events
 * and checks every command and journal record it produces, in order ({@link CallFlowScript}).
 */
class CallFlowTest
{
    static Stream<Arguments> scenarios() throws IOException
    {
        final String text;
        try (InputStream in = CallFlowTest.class.getResourceAsStream("call-flow-scenarios.txt"))
        {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        final List<Arguments> scenarios = new ArrayList<>();
        for (final String block : text.split("(?m)^=== "))
        {
            if (block.startsWith("#"))
            {
                continue;
            }
            final int newline = block.indexOf('\n');
            scenarios.add(Arguments.of(Named.of(block.substring(0, newline), block.substring(newline + 1))));
        }
        return scenarios.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shouldProduceExactlyTheCommandsOfEachScenario(final String scenario)
    {
        CallFlowScript.run(scenario);
    }

    @Test
    void shouldHaveTheWholeScenarioTable() throws IOException
    {
        final long count = scenarios().count();
        assertTrue(count >= 50, "scenario table too small: " + count);
    }

    @Test
    void shouldTellPacingEachAnswerVerdictAndScriptEnd() throws IOException
    {
        // the hold ends at the first closer dialed (0 ms: a closer was free) or when the caller is gone before one
        assertEquals(List.of("ANSWER true", "VERDICT true", "SCRIPT_END true 3500 3400", "HOLD false 0 -1"),
            measured("transfer: qualified, a closer free, briefing, key 1, bridged at once; the caller ends the call"));
        final List<String> scripted = List.of("ANSWER true", "VERDICT true", "SCRIPT_END true 3500 3400");
        assertEquals(with(scripted, "HOLD true 5500 -1"),
            measured("transfer: queued, then a closer frees up; console accept"));
        assertEquals(with(scripted, "HOLD true 16500 -1"),
            measured("transfer: the caller hangs up while waiting for a closer"));
        assertEquals(with(scripted, "HOLD true 20000 -1"), measured("transfer: hold limit while waiting: returned"));
        assertEquals(List.of("ANSWER false"), measured("dial: busy is BUSY, charged"));
        assertEquals(List.of("ANSWER false"), measured("trunk: 503 from the carrier is a trunk failure"));
        assertEquals(List.of(), measured("stop: an unanswered dial is cancelled, not charged"));
        assertEquals(List.of("ANSWER true", "VERDICT false"), measured("machine: beep, message left"));
        assertEquals(List.of("ANSWER true", "VERDICT true", "SCRIPT_END false"),
            measured("human: declines, closing prompt, hang-up"));
        // no verdict in time counts as a person; the late MACHINE verdict is not measured (the call is in the script)
        assertEquals(List.of("ANSWER true", "VERDICT true"),
            measured("verdict late: no verdict in time is a person; the late verdict is ignored"));
        assertEquals(List.of("ANSWER true"), measured("human: hangs up during detection"));
    }

    private static List<String> with(final List<String> list, final String last)
    {
        final List<String> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }

    private static List<String> measured(final String name) throws IOException
    {
        final String scenario = scenarios()
            .filter(arguments -> ((Named<?>)arguments.get()[0]).getName().equals(name))
            .map(arguments -> (String)((Named<?>)arguments.get()[0]).getPayload())
            .findFirst().orElseThrow(() -> new AssertionError("no scenario " + name));
        return CallFlowScript.run(scenario).measured;
    }

    @Test
    void shouldFailAScenarioWhoseCommandsDiffer()
    {
        assertThrows(AssertionFailedError.class, () -> CallFlowScript.run("""
            0 dial
            100 answered
                journal answered
            """));
    }

    /**
     * Writes the transcript of the events of a scenario file (expected lines ignored), to write new tables:
     * {@code -Dcallflow.trace=in.txt -Dtest=CallFlowTest#trace}; the result goes to {@code in.txt.trace}.
     */
    @Test
    @EnabledIfSystemProperty(named = "callflow.trace", matches = ".+")
    void trace() throws IOException
    {
        final Path in = Path.of(System.getProperty("callflow.trace"));
        final StringBuilder out = new StringBuilder();
        for (final String block : Files.readString(in).split("(?m)^=== "))
        {
            if (block.startsWith("#"))
            {
                out.append(block);
                continue;
            }
            final int newline = block.indexOf('\n');
            out.append("=== ").append(block, 0, newline + 1).append(CallFlowScript.trace(block.substring(newline + 1)));
        }
        Files.writeString(Path.of(in + ".trace"), out);
    }
}
