/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One test per kind of validation error, each asserting the line and the column. The cases edit one line of a valid
 * script ({@link #VALID}, numbered below) to break it.
 */
class ScriptValidationTest
{
    private static final List<String> VALID = List.of(
        /* 1 */ "lead_fields: [city]",
        /* 2 */ "opt_out: { key: '*', prompt: bye }",
        /* 3 */ "defaults: { on_no_input: out, on_invalid: out }",
        /* 4 */ "greeting: { prompt: hi, next: q1 }",
        /* 5 */ "questions:",
        /* 6 */ "  q1:",
        /* 7 */ "    prompt: one",
        /* 8 */ "    choices: { '1': yes, '2': no }",
        /* 9 */ "    next: q2",
        /* 10 */ "  q2:",
        /* 11 */ "    prompt: two",
        /* 12 */ "    digits: { min: 1, max: 3 }",
        /* 13 */ "    next: done",
        /* 14 */ "rules:",
        /* 15 */ "  - if: answers.q2 > 50",
        /* 16 */ "    then: out",
        /* 17 */ "outcomes:",
        /* 18 */ "  done: { type: qualified, skill: s, summary: '{lead.city} {answers.q1}' }",
        /* 19 */ "  out: { type: disqualified, reason: r, prompt: bye }");

    static Stream<Arguments> errors()
    {
        return Stream.of(
            e("YAML syntax error", 7, "    prompt: one: two", 7, 16,
                "YAML syntax: mapping values are not allowed here"),
            e("duplicate key", 8, "    prompt: again", 8, 5,
                "duplicate key 'prompt' in question 'q1' (first at line 7)"),
            e("duplicate question id", 10, "  q1:", 10, 3, "duplicate key 'q1' in questions (first at line 6)"),
            e("duplicate choice key", 8, "    choices: { '1': yes, '1': no }", 8, 26,
                "duplicate key '1' in choices (first at line 8)"),
            e("unknown key", 7, "    promt: one", 7, 5, "unknown key 'promt' in question 'q1'"),
            e("unknown question referenced by next", 9, "    next: q3", 9, 11, "unknown question or outcome 'q3'"),
            e("unknown question referenced by greeting", 4, "greeting: { prompt: hi, next: q0 }", 4, 31,
                "unknown question or outcome 'q0'"),
            e("rule on an unknown answer", 15, "  - if: answers.q9 > 50", 15, 9,
                "unknown question 'q9' in answers.q9"),
            e("rule on a field no question or column provides", 15, "  - if: lead.zip > 50", 15, 9,
                "lead field 'zip' is not declared in lead_fields"),
            e("summary on an undeclared field", 18,
                "  done: { type: qualified, skill: s, summary: '{lead.state} {answers.q1}' }", 18, 49,
                "lead field 'state' is not declared in lead_fields"),
            e("reference that is neither answers nor lead", 15, "  - if: answer.q2 > 50", 15, 9,
                "unknown reference 'answer.q2': use answers.<question> or lead.<field>"),
            e("unreachable question", 9, "    next: done", 10, 3, "question 'q2' is unreachable"),
            e("bad type: text where a number is expected", 12, "    digits: { min: 1, max: many }", 12, 28,
                "max must be a whole number from 1 to 18, found 'many'"),
            e("bad type: list where text is expected", 7, "    prompt: [a, b]", 7, 13,
                "prompt must be a single value, found a list"),
            e("bad type: ordering a keypad choice", 15, "  - if: answers.q1 < 5", 15, 9,
                "answers.q1 is a keypad choice (yes, no), not a number"),
            e("bad type: a choice value that never matches", 15, "  - if: answers.q1 == maybe", 15, 23,
                "answers.q1 is a keypad choice (yes, no): 'maybe' never matches"),
            e("bad type: digits compared with text", 15, "  - if: answers.q2 == abc", 15, 23,
                "answers.q2 is digits: it never equals 'abc'"),
            e("bad type: number expected in a range", 15, "  - if: answers.q2 between 1 and x", 15, 34,
                "'between' bounds must be numbers, found 'x'"),
            e("rule syntax error", 15, "  - if: answers.q2 >", 15, 21, "the condition ends too early"),
            e("unclosed parenthesis", 15, "  - if: (answers.q2 > 5", 15, 9, "'(' is not closed with ')'"),
            e("unknown list", 15, "  - if: lead.city in big_cities", 15, 22, "unknown list 'big_cities'"),
            e("opt-out key clashes with a choice key", 2, "opt_out: { key: '2', prompt: bye }", 8, 26,
                "key '2' is the opt-out key (opt_out.key), so it cannot be a choice in question 'q1'"),
            e("opt-out key clashes with digits", 2, "opt_out: { key: '#', prompt: bye }", 12, 5,
                "question 'q2' collects digits ended by #, which clashes with the opt-out key '#'"),
            e("opt-out key that is not a key", 2, "opt_out: { key: '**', prompt: bye }", 2, 17,
                "the opt-out key must be one keypad key"),
            e("missing field", 13, "    retries: 1", 10, 3, "missing 'next' in 'q2'"),
            e("missing section", 2, "name: x", 1, 1, "missing 'opt_out'"),
            e("missing no-input target", 3, "defaults: { on_invalid: out }", 6, 3,
                "question 'q1' needs on_no_input (here or in defaults)"),
            e("choice key that is not a keypad key", 8, "    choices: { '1': yes, 'x': no }", 8, 26,
                "'x' is not a keypad key"),
            e("min more than max", 12, "    digits: { min: 4, max: 3 }", 12, 20, "min (4) is more than max (3)"),
            e("two answer kinds", 11, "    digits: { max: 3 }\n    spoken: yes_no", 12, 5,
                "question 'q2' has more than one answer kind"),
            e("no answer kind", 12, "    retries: 1", 10, 3, "question 'q2' needs one of choices, digits or spoken"),
            e("unknown outcome type", 19, "  out: { type: rejected, reason: r, prompt: bye }", 19, 16,
                "unknown outcome type 'rejected'"),
            e("field that does not apply to the outcome type", 19,
                "  out: { type: disqualified, reason: r, prompt: bye, skill: s }", 19, 54,
                "'skill' does not apply to a disqualified outcome"),
            e("question and outcome with one id", 19, "  q2: { type: disqualified, reason: r, prompt: bye }", 19, 3,
                "'q2' is both a question and an outcome"),
            e("rule ending in a question", 16, "    then: q2", 16, 11, "a rule must end in an outcome"),
            e("last branch with a condition", 9, "    next: [ { if: answers.q1 == yes, goto: q2 } ]", 9, 11,
                "the last branch needs no 'if'"),
            e("duplicate lead field", 1, "lead_fields: [city, city]", 1, 21, "lead field 'city' is declared twice"),
            e("not a qualification script", 5, "campaign:", 1, 1, "not a qualification script"),
            e("a callback time from a choice that is not a time", 19,
                "  out: { type: disqualified, reason: r, prompt: bye }\n" +
                "  later: { type: callback, time: answers.q1, prompt: bye }", 8, 16,
                "outcome 'later' takes its callback time from question 'q1': 'yes' is not a callback time"),
            e("a callback time from digits that are not a clock time", 19,
                "  out: { type: disqualified, reason: r, prompt: bye }\n" +
                "  later: { type: callback, time: answers.q2, prompt: bye }", 20, 34,
                "whose digits are not a clock time: ask for 3 or 4 digits"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void shouldReportErrorAtLineAndColumn(
        final String kind, final String yaml, final int line, final int column, final String message)
    {
        final CompileResult result = ScriptCompiler.compile("script.yaml", yaml, null);

        assertFalse(result.isValid());
        assertNull(result.script());
        for (final ValidationError error : result.errors())
        {
            if (error.line() == line && error.column() == column && error.message().contains(message))
            {
                assertEquals("script.yaml", error.file());
                return;
            }
        }
        fail("expected script.yaml:" + line + ":" + column + ": " + message + " in " + result.errors());
    }

    @Test
    void shouldAcceptTheBaseScript()
    {
        final CompileResult result = ScriptCompiler.compile("script.yaml", String.join("\n", VALID), null);

        assertTrue(result.isValid(), () -> result.errors().toString());
        assertEquals(2, result.script().questionCount());
    }

    @Test
    void shouldReportEveryErrorInOnePass()
    {
        final List<String> lines = new ArrayList<>(VALID);
        lines.set(8, "    next: q3");
        lines.set(14, "  - if: lead.zip > 50");
        lines.set(18, "  out: { type: disqualified, reason: r, promt: bye }");

        final CompileResult result = ScriptCompiler.compile("script.yaml", String.join("\n", lines), null);

        assertEquals(List.of(
            "script.yaml:19:41: unknown key 'promt' in outcome 'out'; did you mean 'prompt'?",
            "script.yaml:19:3: missing 'prompt' in 'out'",
            "script.yaml:9:11: unknown question or outcome 'q3'",
            "script.yaml:15:9: lead field 'zip' is not declared in lead_fields",
            "script.yaml:10:3: question 'q2' is unreachable: neither the greeting nor any next, goto, on_no_input " +
                "or on_invalid leads to it"),
            result.errors().stream().map(ValidationError::toString).toList());
    }

    @Test
    void shouldReportAnEmptyFile()
    {
        final CompileResult result = ScriptCompiler.compile("empty.yaml", "", null);

        assertEquals("empty.yaml:1:1: the file is empty", result.errors().get(0).toString());
    }

    @Test
    void shouldReportAMissingListFile(@TempDir final Path dir)
    {
        final List<String> lines = new ArrayList<>(VALID);
        lines.add(1, "lists: { area: { file: nowhere.txt } }");

        final CompileResult result = ScriptCompiler.compile("script.yaml", String.join("\n", lines), dir);

        assertEquals(1, result.errors().size(), result.errors()::toString);
        assertEquals(2, result.errors().get(0).line());
        assertEquals(24, result.errors().get(0).column());
        assertTrue(result.errors().get(0).message().startsWith("cannot read list file 'nowhere.txt'"));
    }

    @Test
    void shouldReadAListFileRelativeToTheScript(@TempDir final Path dir) throws IOException
    {
        Files.writeString(dir.resolve("zips.txt"), "# area\n75201\n\n02134\n");
        final List<String> lines = new ArrayList<>(VALID);
        lines.add(1, "lists: { area: { file: zips.txt } }");
        lines.set(15, "  - if: answers.q2 not in area");
        final Path script = dir.resolve("script.yaml");
        Files.writeString(script, String.join("\n", lines));

        final CompileResult result = ScriptCompiler.compile(script);

        assertTrue(result.isValid(), () -> result.errors().toString());
    }

    @Test
    void shouldValidateBothExamples()
    {
        for (final String name : new String[]{"auto-insurance.yaml", "home-services.yaml"})
        {
            final CompileResult result = ScriptCompiler.compile(examples().resolve(name));
            assertTrue(result.isValid(), () -> name + ": " + result.errors());
        }
    }

    static Path examples()
    {
        Path dir = Path.of("").toAbsolutePath();
        while (null != dir && !Files.isDirectory(dir.resolve("examples")))
        {
            dir = dir.getParent();
        }
        if (null == dir)
        {
            throw new IllegalStateException("no examples directory above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("examples");
    }

    private static Arguments e(
        final String kind, final int editLine, final String replacement, final int line, final int column,
        final String message)
    {
        final List<String> lines = new ArrayList<>(VALID);
        if (replacement.contains("\n"))
        {
            lines.remove(editLine - 1);
            lines.addAll(editLine - 1, Arrays.asList(replacement.split("\n")));
        }
        else if (replacement.startsWith("    prompt: again"))
        {
            lines.add(editLine - 1, replacement);
        }
        else
        {
            lines.set(editLine - 1, replacement);
        }
        return Arguments.of(kind, String.join("\n", lines), line, column, message);
    }
}
