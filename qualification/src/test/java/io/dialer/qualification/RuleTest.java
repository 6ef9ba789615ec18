/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rule conditions, table-driven: when does each rule decide? Before the greeting (lead fields alone), after the
 * choice ({@code c = a}), after the digits ({@code d = 150}), or never. Lead: state TX, zip 02134, age 18.
 */
class RuleTest
{
    private static final String SCRIPT = String.join("\n",
        "lead_fields: [state, zip, age, missing]",
        "lists: { area: ['02134', '75201'] }",
        "opt_out: { key: '*', prompt: bye }",
        "defaults: { on_no_input: out, on_invalid: out }",
        "greeting: { prompt: hi, next: c }",
        "questions:",
        "  c: { prompt: c, choices: { '1': a, '2': b }, next: d }",
        "  d: { prompt: d, digits: { length: 3 }, next: done }",
        "rules:",
        "  - if: \"%s\"",
        "    then: hit",
        "outcomes:",
        "  hit: { type: disqualified, reason: hit, prompt: bye }",
        "  out: { type: disqualified, reason: out, prompt: bye }",
        "  done: { type: qualified, skill: s, summary: done }",
        "");

    @ParameterizedTest(name = "{0} decides {1}")
    @CsvSource(delimiter = '|', value = {
        "lead.state == TX                                          | start",
        "lead.state = TX                                           | start",
        "lead.state != TX                                          | never",
        "lead.state in [NY, TX]                                    | start",
        "lead.state not in [NY, 'New Jersey']                      | start",
        "lead.zip in area                                          | start",
        "lead.zip in [2134]                                        | never",
        "lead.zip == 2134                                          | start",
        "lead.age >= 18                                            | start",
        "lead.age < 18                                             | never",
        "lead.age between 18 and 64                                | start",
        "lead.missing == x                                         | never",
        "not lead.missing == x                                     | never",
        "answers.c == a or lead.state == TX                        | start",
        "answers.c == a and lead.state == NY                       | never",
        "answers.c == a                                            | choice",
        "answers.c != a                                            | never",
        "not answers.c == b                                        | choice",
        "(answers.c == a)                                          | choice",
        "answers.c in [a, b]                                       | choice",
        "answers.c == a or answers.d > 100                         | choice",
        "answers.c == a and answers.d > 100                        | digits",
        "answers.d == 150                                          | digits",
        "answers.d > 149.5                                         | digits",
        "answers.d <= 149                                          | never",
        "answers.d between 100 and 200                             | digits",
        "answers.d not in [150]                                    | never",
        "answers.d in ['150']                                      | digits",
        "lead.state == NY and answers.c == b or answers.d == 150   | digits",
        "lead.state == TX and (answers.c == b or answers.d == 150) | digits",
        "not (answers.c == b or answers.d != 150)                  | digits",
    })
    void shouldDecideAsSoonAsTheAnswersAllow(final String condition, final String decidedAt)
    {
        final Script script = TestScripts.compile(String.format(SCRIPT, condition.trim()));
        final Conversation conversation = new Conversation(script, new RecordingSink())
            .reset(script.leadValues(Map.of("state", "TX", "zip", "02134", "age", "18")));

        String decided = "never";
        conversation.start(0);
        if (isHit(conversation))
        {
            decided = "start";
        }
        else
        {
            RecordingSink.drive(conversation, "done@1000 done@2000 key:1@2500");
            if (isHit(conversation))
            {
                decided = "choice";
            }
            else
            {
                RecordingSink.drive(conversation, "done@3000 key:1@3500 key:5@3600 key:0@3700");
                decided = isHit(conversation) ? "digits" : "never";
            }
        }

        assertEquals(decidedAt, decided);
    }

    private static boolean isHit(final Conversation conversation)
    {
        return null != conversation.outcome() && "hit".equals(conversation.outcome().id());
    }
}
