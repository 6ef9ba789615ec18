/*
 * Dialer core tests.
 */
package io.dialer.core.pacing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.dialer.qualification.ValidationError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PopulationTest
{
    private static List<String> errors(final String yaml)
    {
        final Population.Result result = Population.parse("p.yaml", yaml);
        return result.errors().stream().map(ValidationError::toString).toList();
    }

    @Test
    void shouldReadAPopulation()
    {
        final Population.Result result = Population.parse("p.yaml", """
            name: floor
            run: 1h30m
            answer_rate: 20%
            human_share: 0.5
            qualification_rate: 0.25
            closers: 12
            times:
              talk: {mean: 4m, sd: 2m}
              patience: {mean: 45s}
            pacing: {target_abandon_rate: 0.02, max_lines_per_closer: 5, min_calls_before_predicting: 10, max_hold: 20s}
            events:
              - {at: 1h, return: 2}
              - {at: 30m, pause: 3}
            """);

        assertEquals(List.of(), result.errors());
        final Population p = result.population();
        assertEquals("floor", p.name());
        assertEquals(5_400_000, p.runMs());
        assertEquals(0.2, p.answerRate, 1e-12);
        assertEquals(12, p.closers());
        assertEquals(new Population.Times(240_000, 120_000), p.talk);
        assertEquals(new Population.Times(45_000, 0), p.patience);
        assertEquals(0.02, p.targetAbandonRate());
        assertEquals(5, p.maxLinesPerCloser);
        assertEquals(20_000, p.maxHoldMs);
        assertEquals(List.of(new Population.FloorEvent(1_800_000, "pause", 3),
            new Population.FloorEvent(3_600_000, "return", 2)), p.events());
    }

    @Test
    void shouldReportEachErrorWithItsLineAndColumn()
    {
        assertEquals(List.of(
            "p.yaml:2:1: unknown key 'closer' in the population; did you mean 'closers'?",
            "p.yaml:1:14: answer_rate must be a share from 0 to 1 (or a percentage like 25%), found '1.5'",
            "p.yaml:4:9: times ring must be a mapping like {mean: 30s, sd: 10s}, found '10s'",
            "p.yaml:5:16: times talk mean must be a duration like 500ms, 25s, 30m, 2h or 1h30m from 1 ms to " +
            "86400000 ms, found 'long'",
            "p.yaml:7:5: an event needs one of pause, resume, leave or return with a count of closers"),
            errors("""
                answer_rate: 1.5
                closer: 3
                times:
                  ring: 10s
                  talk: {mean: long}
                events:
                  - {at: 10m}
                """));
    }

    @Test
    void shouldReportASyntaxErrorAndAMissingFile()
    {
        final Population.Result bad = Population.parse("p.yaml", "closers: [1, 2\n");
        assertNull(bad.population());
        assertTrue(bad.errors().get(0).toString().startsWith("p.yaml:"), bad.errors().toString());

        final Population.Result missing = Population.load(Path.of("no-such-population.yaml"));
        assertTrue(missing.errors().get(0).message().startsWith("cannot read the file"), missing.errors().toString());
    }

    @Test
    void shouldParseDurations()
    {
        assertEquals(5_400_000, Population.parseDuration("1h30m"));
        assertEquals(2_500, Population.parseDuration("2500ms"));
        assertEquals(-1, Population.parseDuration("10"));
        assertEquals(-1, Population.parseDuration("m"));
    }

    @Test
    void shouldLoadEveryExamplePopulation() throws Exception
    {
        Path dir = Path.of("").toAbsolutePath();
        while (null != dir && !Files.isDirectory(dir.resolve("examples/pacing")))
        {
            dir = dir.getParent();
        }
        assertTrue(null != dir, "examples/pacing not found");
        try (Stream<Path> files = Files.list(dir.resolve("examples/pacing")))
        {
            final List<Path> all = files.filter(f -> f.toString().endsWith(".yaml")).toList();
            assertTrue(all.size() >= 6, all.toString());
            for (final Path file : all)
            {
                assertEquals(List.of(), Population.load(file).errors(), file.toString());
            }
        }
    }
}
