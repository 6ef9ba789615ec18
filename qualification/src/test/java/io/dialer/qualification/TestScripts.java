/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The script the interpreter tests run: one question of each kind, rules on answers and lead fields, every outcome.
 */
final class TestScripts
{
    static final String PATHS = String.join("\n",
        "lead_fields: [name, state]",
        "opt_out: { key: '*', prompt: bye-optout }",
        "defaults:",
        "  retries: 1",
        "  timeout_ms: 4000",
        "  inter_digit_timeout_ms: 2000",
        "  retry_prompt: sorry",
        "  on_no_input: no_input",
        "  on_invalid: invalid",
        "greeting: { prompt: hello, next: pick }",
        "questions:",
        "  pick:",
        "    prompt: pick",
        "    choices: { '1': a, '2': b, '3': later }",
        "    next:",
        "      - if: answers.pick == later",
        "        goto: when",
        "      - goto: code",
        "  code:",
        "    prompt: code",
        "    digits: { min: 3, max: 5 }",
        "    next: sure",
        "  sure:",
        "    prompt: sure",
        "    spoken: yes_no",
        "    retries: 0",
        "    next:",
        "      - if: answers.sure == no",
        "        goto: declined",
        "      - goto: win",
        "  when:",
        "    prompt: when",
        "    digits: { length: 4 }",
        "    retries: 0",
        "    next: later",
        "rules:",
        "  - if: lead.state == NY",
        "    then: blocked",
        "  - if: answers.code < 100",
        "    then: low",
        "outcomes:",
        "  win:",
        "    type: qualified",
        "    skill: closers",
        "    prompt: hold",
        "    summary: '{lead.name}, {lead.state}: {answers.pick}, code {answers.code}, sure {answers.sure}'",
        "  later: { type: callback, time: answers.when, prompt: cb }",
        "  declined: { type: disqualified, reason: declined, prompt: bye-declined }",
        "  low: { type: disqualified, reason: low code, prompt: bye-low }",
        "  blocked: { type: disqualified, reason: blocked state, prompt: bye-blocked }",
        "  no_input: { type: disqualified, reason: no input, prompt: bye-silent }",
        "  invalid: { type: disqualified, reason: invalid, prompt: bye-invalid }",
        "");

    private TestScripts()
    {
    }

    static Script compile(final String yaml)
    {
        final CompileResult result = ScriptCompiler.compile("test.yaml", yaml, null);
        assertTrue(result.isValid(), () -> result.errors().toString());
        return result.script();
    }

    static String[] lead(final Script script, final String name, final String state)
    {
        return script.leadValues(Map.of("name", name, "state", state));
    }
}
