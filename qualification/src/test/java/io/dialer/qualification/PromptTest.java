/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lead fields spoken in prompts: {@code {lead.first_name}} and {@code {lead.first_name|there}}, rendered per lead,
 * checked at compile time and against a lead list's columns.
 */
class PromptTest
{
    private static String script(final String greeting)
    {
        return String.join("\n",
            "lead_fields: [first_name, city]",
            "opt_out: { key: '*', prompt: bye }",
            "greeting: { prompt: " + greeting + ", next: q }",
            "questions:",
            "  q: { prompt: 'Still in {lead.city|your city}?', choices: { '1': yes }, next: done,",
            "       on_no_input: done, on_invalid: done }",
            "outcomes:",
            "  done: { type: disqualified, reason: r, prompt: bye }",
            "");
    }

    private static Script compile(final String greeting)
    {
        final CompileResult result = ScriptCompiler.compile("s.yaml", script(greeting), null);
        assertEquals(List.of(), result.errors());
        return result.script();
    }

    static Stream<Arguments> renderings()
    {
        return Stream.of(
            Arguments.of("'Hi {lead.first_name}, this is Acme.'", "Ana", "Hi Ana, this is Acme."),
            Arguments.of("'Hi {lead.first_name}, this is Acme.'", "", "Hi, this is Acme."),
            Arguments.of("'Hi {lead.first_name}, this is Acme.'", null, "Hi, this is Acme."),
            Arguments.of("'Hi {lead.first_name|there}, this is Acme.'", "  ", "Hi there, this is Acme."),
            Arguments.of("'Hi {lead.first_name|there}, this is Acme.'", "Ana", "Hi Ana, this is Acme."),
            Arguments.of("'{lead.first_name}, we have a quote for you.'", "", "we have a quote for you."),
            Arguments.of("'Hello {lead.first_name} and welcome.'", "", "Hello and welcome."),
            Arguments.of("'Hello {lead.first_name}!'", null, "Hello!"),
            Arguments.of("'No field here.'", "Ana", "No field here."));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("renderings")
    void shouldRenderLeadFieldsWithAFallbackOrLeaveThemOut(
        final String greeting, final String firstName, final String spoken)
    {
        final Script script = compile(greeting);
        final Map<String, String> lead = new java.util.HashMap<>();
        lead.put("first_name", firstName);

        assertEquals(spoken, script.greeting().render(script.leadValues(lead)));
        final Conversation conversation = new Conversation(script, new RecordingSink()).reset(script.leadValues(lead));
        assertEquals(spoken, conversation.render(script.greeting()));
    }

    @Test
    void shouldListTheFieldsPromptsSpeakAndKeepTheTextAsWritten()
    {
        final Script script = compile("'Hi {lead.first_name|there}'");

        assertEquals("Hi {lead.first_name|there}", script.greeting().text());
        assertTrue(script.greeting().hasLeadFields());
        assertEquals(List.of("first_name"), script.greeting().leadFields());
        assertFalse(script.optOutPrompt().hasLeadFields());
        assertEquals(List.of("first_name", "city"), script.promptLeadFields());
        assertEquals("Still in your city?", script.question("q").prompt().render(new String[2]));
    }

    @Test
    void shouldReportPlaceholdersNamingColumnsTheLeadListLacksAtTheirPosition()
    {
        final Script script = compile("'Hi {lead.first_name}'");

        assertEquals(List.of(
            "s.yaml:3:26: lead field 'first_name' is not a column of leads.csv; did you mean 'firstname'?"),
            script.missingLeadFields(List.of("firstname", "zip"), "leads.csv").stream()
                .map(ValidationError::toString).toList());
        assertEquals(List.of(), script.missingLeadFields(List.of("first_name", "city"), "leads.csv"));
    }

    @Test
    void shouldAcceptAMissingColumnWhenThePlaceholderHasAFallback()
    {
        final Script script = compile("'Hi {lead.first_name|there}'");

        assertEquals(List.of(), script.missingLeadFields(List.of("zip"), "leads.csv"),
            "both placeholders (the greeting's and the question's {lead.city|your city}) have a fallback");
    }

    static Stream<Arguments> malformed()
    {
        return Stream.of(
            Arguments.of("'Hi {lead.}'", "s.yaml:3:26: {lead.} names no field: write {lead.<field>}, like " +
                "{lead.first_name}"),
            Arguments.of("'Hi {lead.first_name'", "s.yaml:3:25: '{' is not closed with '}': a lead field is " +
                "written {lead.<field>} or {lead.<field>|fallback}"),
            Arguments.of("'Hi lead.first_name}'", "s.yaml:3:40: '}' without '{': a lead field is written " +
                "{lead.<field>}"),
            Arguments.of("'Hi {lead.zip}'", "s.yaml:3:26: lead field 'zip' is not declared in lead_fields"),
            Arguments.of("'Hi {answers.q}'", "s.yaml:3:26: a prompt can speak lead fields only, written " +
                "{lead.<field>}; found {answers.q}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void shouldReportMalformedPlaceholdersAtTheirColumn(final String greeting, final String error)
    {
        assertEquals(List.of(error), ScriptCompiler.compile("s.yaml", script(greeting), null).errors().stream()
            .map(ValidationError::toString).toList());
    }
}
