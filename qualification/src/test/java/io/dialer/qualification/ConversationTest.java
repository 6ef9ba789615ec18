/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.dialer.qualification.ConversationResult.CALLBACK;
import static io.dialer.qualification.ConversationResult.DISQUALIFIED;
import static io.dialer.qualification.ConversationResult.HUNG_UP;
import static io.dialer.qualification.ConversationResult.NONE;
import static io.dialer.qualification.ConversationResult.OPTED_OUT;
import static io.dialer.qualification.ConversationResult.QUALIFIED;
import static io.dialer.qualification.ConversationState.ASKING;
import static io.dialer.qualification.ConversationState.CLOSING;
import static io.dialer.qualification.ConversationState.COLLECTING;
import static io.dialer.qualification.ConversationState.ENDED;
import static io.dialer.qualification.ConversationState.GREETING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every path of the interpreter, table-driven: events with their times in, actions out. The test script
 * ({@link TestScripts#PATHS}) has timeout_ms 4000, inter_digit_timeout_ms 2000, retries 1 (0 on sure and when).
 */
class ConversationTest
{
    private static final String G = "start@0 done@1000";
    private static final String GREETED = "play hello; play pick (barge-in)";
    private static final String TO_CODE = G + " done@2000 key:1@2500 done@3000";
    private static final String AT_CODE = GREETED +
        "; collect pick until 6000; answer pick=a; play code (barge-in); collect code until 7000";
    private static final String TO_SURE = TO_CODE + " key:1@3500 key:2@4000 key:3@4500 key:#@4600 done@5000";
    private static final String AT_SURE = AT_CODE +
        "; timer 5500; timer 6000; timer 6500; answer code=123; play sure (barge-in); collect sure until 9000";
    private static final String QUALIFIED_ACTIONS = "play hold; qualified closers: Ana, TX: a, code 123, sure yes";

    private static final Script SCRIPT = TestScripts.compile(TestScripts.PATHS);

    static Stream<Arguments> paths()
    {
        return Stream.of(choicePaths(), digitPaths(), outcomePaths(), optOutAndHangUpPaths()).flatMap(s -> s);
    }

    static Stream<Arguments> choicePaths()
    {
        return Stream.of(
            c("greeting, then the first question", "TX", G, GREETED, ASKING, NONE),
            c("key during the greeting is ignored", "TX", "start@0 key:1@500", "play hello", GREETING, NONE),
            c("choice key after the prompt", "TX", G + " done@2000 key:2@2500",
                GREETED + "; collect pick until 6000; answer pick=b; play code (barge-in)", ASKING, NONE),
            c("barge-in key during the prompt", "TX", G + " key:1@1500",
                GREETED + "; stop; collect pick until 5500; answer pick=a; play code (barge-in)", ASKING, NONE),
            c("invalid key re-prompts with the retry prompt", "TX", G + " done@2000 key:9@2500",
                GREETED + "; collect pick until 6000; play sorry (barge-in); play pick (barge-in)", ASKING, NONE),
            c("re-prompt listens after both prompts finish", "TX", G + " done@2000 key:9@2500 done@3000 done@3500",
                GREETED + "; collect pick until 6000; play sorry (barge-in); play pick (barge-in); " +
                "collect pick until 7500", COLLECTING, NONE),
            c("invalid twice goes to on_invalid", "TX", G + " done@2000 key:9@2500 done@3000 done@3500 key:8@4000",
                GREETED + "; collect pick until 6000; play sorry (barge-in); play pick (barge-in); " +
                "collect pick until 7500; disqualified invalid / bye-invalid; play bye-invalid",
                CLOSING, DISQUALIFIED),
            c("closing prompt finished hangs up", "TX",
                G + " done@2000 key:9@2500 done@3000 done@3500 key:8@4000 done@6000",
                GREETED + "; collect pick until 6000; play sorry (barge-in); play pick (barge-in); " +
                "collect pick until 7500; disqualified invalid / bye-invalid; play bye-invalid; hang-up",
                ENDED, DISQUALIFIED),
            c("no-input timer re-prompts", "TX", G + " done@2000 timeout@6000",
                GREETED + "; collect pick until 6000; play sorry (barge-in); play pick (barge-in)", ASKING, NONE),
            c("no input twice goes to on_no_input", "TX",
                G + " done@2000 timeout@6000 done@6500 done@7000 timeout@11000",
                GREETED + "; collect pick until 6000; play sorry (barge-in); play pick (barge-in); " +
                "collect pick until 11000; disqualified no input / bye-silent; play bye-silent",
                CLOSING, DISQUALIFIED),
            c("no input then invalid: the last failure decides", "TX",
                G + " done@2000 timeout@6000 done@6500 done@7000 key:9@7500",
                GREETED + "; collect pick until 6000; play sorry (barge-in); play pick (barge-in); " +
                "collect pick until 11000; disqualified invalid / bye-invalid; play bye-invalid",
                CLOSING, DISQUALIFIED),
            c("timeout before its deadline is ignored", "TX", G + " done@2000 timeout@5999",
                GREETED + "; collect pick until 6000", COLLECTING, NONE),
            c("timeout with no timer armed is ignored", "TX", G + " timeout@9000", GREETED, ASKING, NONE),
            c("extra prompt finished is ignored", "TX", G + " done@2000 done@2100",
                GREETED + "; collect pick until 6000", COLLECTING, NONE));
    }

    static Stream<Arguments> digitPaths()
    {
        return Stream.of(
            c("# ends the digits", "TX", TO_CODE + " key:1@3500 key:2@4000 key:3@4500 key:#@4600",
                AT_CODE + "; timer 5500; timer 6000; timer 6500; answer code=123; play sure (barge-in)", ASKING, NONE),
            c("max digits end without #", "TX",
                TO_CODE + " key:1@3100 key:2@3200 key:3@3300 key:4@3400 key:5@3500",
                AT_CODE + "; timer 5100; timer 5200; timer 5300; timer 5400; answer code=12345; play sure (barge-in)",
                ASKING, NONE),
            c("a # after the maximum digits is ignored", "TX",
                TO_CODE + " key:1@3100 key:2@3200 key:3@3300 key:4@3400 key:5@3500 key:#@3600",
                AT_CODE + "; timer 5100; timer 5200; timer 5300; timer 5400; answer code=12345; play sure (barge-in)",
                ASKING, NONE),
            c("inter-digit timeout with enough digits accepts", "TX",
                TO_CODE + " key:1@3500 key:2@4000 key:3@4500 timeout@6500",
                AT_CODE + "; timer 5500; timer 6000; timer 6500; answer code=123; play sure (barge-in)", ASKING, NONE),
            c("inter-digit timeout with too few digits is invalid", "TX",
                TO_CODE + " key:1@3500 key:2@4000 timeout@6000",
                AT_CODE + "; timer 5500; timer 6000; play sorry (barge-in); play code (barge-in)", ASKING, NONE),
            c("each digit re-arms the timer: the old deadline is ignored", "TX",
                TO_CODE + " key:1@3500 key:2@4000 timeout@5500",
                AT_CODE + "; timer 5500; timer 6000", COLLECTING, NONE),
            c("first-digit timeout is no input", "TX", TO_CODE + " timeout@7000",
                AT_CODE + "; play sorry (barge-in); play code (barge-in)", ASKING, NONE),
            c("# with too few digits is invalid", "TX", TO_CODE + " key:1@3500 key:#@3600",
                AT_CODE + "; timer 5500; play sorry (barge-in); play code (barge-in)", ASKING, NONE),
            c("# alone is no input", "TX", TO_CODE + " key:#@3500 done@4000 done@4500 timeout@8500",
                AT_CODE + "; play sorry (barge-in); play code (barge-in); collect code until 8500; " +
                "disqualified no input / bye-silent; play bye-silent", CLOSING, DISQUALIFIED),
            c("digits collected by the media layer, ended by #", "TX", TO_CODE + " digits:1234#@5000",
                AT_CODE + "; answer code=1234; play sure (barge-in)", ASKING, NONE),
            c("digits collected during the prompt barge in", "TX", G + " done@2000 key:1@2500 digits:456@2700",
                GREETED + "; collect pick until 6000; answer pick=a; play code (barge-in); stop; " +
                "collect code until 6700; answer code=456; play sure (barge-in)", ASKING, NONE),
            c("digits collected, too few, are invalid", "TX", TO_CODE + " digits:12#@5000",
                AT_CODE + "; play sorry (barge-in); play code (barge-in)", ASKING, NONE),
            c("digits collected, too many, are invalid", "TX", TO_CODE + " digits:123456@5000",
                AT_CODE + "; play sorry (barge-in); play code (barge-in)", ASKING, NONE),
            c("no digits collected is no input", "TX", TO_CODE + " digits:@7000",
                AT_CODE + "; play sorry (barge-in); play code (barge-in)", ASKING, NONE),
            c("digits collected with the opt-out key opt out", "TX", TO_CODE + " digits:12*@5000",
                AT_CODE + "; opt-out / bye-optout; play bye-optout", CLOSING, OPTED_OUT),
            c("digits collected for a choice: the first key decides", "TX", G + " done@2000 digits:2#@2500",
                GREETED + "; collect pick until 6000; answer pick=b; play code (barge-in)", ASKING, NONE),
            c("barge-in digits during the prompt", "TX",
                G + " done@2000 key:1@2500 key:4@2600 key:5@2700 key:6@2800 key:#@2900",
                GREETED + "; collect pick until 6000; answer pick=a; play code (barge-in); stop; " +
                "collect code until 6600; timer 4600; timer 4700; timer 4800; answer code=456; play sure (barge-in)",
                ASKING, NONE));
    }

    static Stream<Arguments> outcomePaths()
    {
        return Stream.of(
            c("a rule decides as soon as the answer allows", "TX",
                TO_CODE + " key:0@3500 key:9@3600 key:9@3700 key:#@3800",
                AT_CODE + "; timer 5500; timer 5600; timer 5700; answer code=099; " +
                "disqualified low code / bye-low; play bye-low", CLOSING, DISQUALIFIED),
            c("a rule on lead fields decides before the greeting", "NY", "start@0",
                "disqualified blocked state / bye-blocked; play bye-blocked", CLOSING, DISQUALIFIED),

            // spoken yes/no and outcomes
            c("qualified with the summary", "TX", TO_SURE + " yes@5500",
                AT_SURE + "; answer sure=yes; " + QUALIFIED_ACTIONS, ENDED, QUALIFIED),
            c("spoken question accepts key 1 for yes", "TX", TO_SURE + " key:1@5500",
                AT_SURE + "; answer sure=yes; " + QUALIFIED_ACTIONS, ENDED, QUALIFIED),
            c("spoken no branches to disqualified", "TX", TO_SURE + " no@5500 done@8000",
                AT_SURE + "; answer sure=no; disqualified declined / bye-declined; play bye-declined; hang-up",
                ENDED, DISQUALIFIED),
            c("spoken key 2 is no", "TX", TO_SURE + " key:2@5500",
                AT_SURE + "; answer sure=no; disqualified declined / bye-declined; play bye-declined",
                CLOSING, DISQUALIFIED),
            c("unrecognised speech is invalid", "TX", TO_SURE + " noise@5500",
                AT_SURE + "; disqualified invalid / bye-invalid; play bye-invalid", CLOSING, DISQUALIFIED),
            c("other key on a spoken question is invalid", "TX", TO_SURE + " key:5@5500",
                AT_SURE + "; disqualified invalid / bye-invalid; play bye-invalid", CLOSING, DISQUALIFIED),
            c("spoken timeout is no input", "TX", TO_SURE + " timeout@9000",
                AT_SURE + "; disqualified no input / bye-silent; play bye-silent", CLOSING, DISQUALIFIED),
            c("speech barges in during the prompt", "TX",
                TO_CODE + " key:1@3500 key:2@4000 key:3@4500 key:#@4600 yes@4700",
                AT_CODE + "; timer 5500; timer 6000; timer 6500; answer code=123; play sure (barge-in); stop; " +
                "answer sure=yes; " + QUALIFIED_ACTIONS, ENDED, QUALIFIED),
            c("callback with the time asked for", "TX",
                G + " done@2000 key:3@2500 done@3000 key:1@3100 key:7@3200 key:3@3300 key:0@3400 done@5000",
                GREETED + "; collect pick until 6000; answer pick=later; play when (barge-in); " +
                "collect when until 7000; " +
                "timer 5100; timer 5200; timer 5300; answer when=1730; callback 1730 / cb; play cb; hang-up",
                ENDED, CALLBACK));
    }

    static Stream<Arguments> optOutAndHangUpPaths()
    {
        return Stream.of(
            c("opt-out during the greeting", "TX", "start@0 key:*@500 done@3000",
                "play hello; stop; opt-out / bye-optout; play bye-optout; hang-up", ENDED, OPTED_OUT),
            c("opt-out during a choice prompt", "TX", G + " key:*@1500",
                GREETED + "; stop; opt-out / bye-optout; play bye-optout", CLOSING, OPTED_OUT),
            c("opt-out while collecting a choice", "TX", G + " done@2000 key:*@2500",
                GREETED + "; collect pick until 6000; opt-out / bye-optout; play bye-optout", CLOSING, OPTED_OUT),
            c("opt-out in the middle of digits", "TX", TO_CODE + " key:1@3500 key:*@3600",
                AT_CODE + "; timer 5500; opt-out / bye-optout; play bye-optout", CLOSING, OPTED_OUT),
            c("opt-out on a spoken question", "TX", TO_SURE + " key:*@5500",
                AT_SURE + "; opt-out / bye-optout; play bye-optout", CLOSING, OPTED_OUT),

            // caller hangs up in each state
            c("hang-up before start", "TX", "hangup@0 start@10", "", ENDED, HUNG_UP),
            c("hang-up during the greeting", "TX", "start@0 hangup@500 done@1000", "play hello", ENDED, HUNG_UP),
            c("hang-up during a prompt", "TX", G + " hangup@1500 done@2000", GREETED, ENDED, HUNG_UP),
            c("hang-up while collecting", "TX", G + " done@2000 hangup@2500 timeout@6000",
                GREETED + "; collect pick until 6000", ENDED, HUNG_UP),
            c("hang-up in the middle of digits", "TX", TO_CODE + " key:1@3500 hangup@3600 timeout@9000",
                AT_CODE + "; timer 5500", ENDED, HUNG_UP),
            c("hang-up during the closing prompt keeps the outcome", "NY", "start@0 hangup@500 done@1000",
                "disqualified blocked state / bye-blocked; play bye-blocked", ENDED, DISQUALIFIED),
            c("hang-up after qualified keeps the outcome", "TX", TO_SURE + " yes@5500 hangup@6000",
                AT_SURE + "; answer sure=yes; " + QUALIFIED_ACTIONS, ENDED, QUALIFIED),
            c("events after the end are ignored", "TX", TO_SURE + " yes@5500 key:1@6000 done@6000 timeout@99999",
                AT_SURE + "; answer sure=yes; " + QUALIFIED_ACTIONS, ENDED, QUALIFIED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void shouldFollowPath(
        final String name,
        final String state,
        final String events,
        final List<String> expected,
        final ConversationState expectedState,
        final ConversationResult expectedResult)
    {
        final RecordingSink sink = new RecordingSink();
        final Conversation conversation = new Conversation(SCRIPT, sink).reset(TestScripts.lead(SCRIPT, "Ana", state));

        RecordingSink.drive(conversation, events);

        assertEquals(expected, sink.actions);
        assertEquals(expectedState, conversation.state());
        assertEquals(expectedResult, conversation.result());
    }

    @Test
    void shouldStartAfreshAfterReset()
    {
        final RecordingSink sink = new RecordingSink();
        final Conversation conversation = new Conversation(SCRIPT, sink).reset(TestScripts.lead(SCRIPT, "Ana", "TX"));
        RecordingSink.drive(conversation, TO_SURE + " yes@5500");
        assertEquals("Ana, TX: a, code 123, sure yes", conversation.summary());

        sink.actions.clear();
        conversation.reset(TestScripts.lead(SCRIPT, "Bo", "TX"));
        assertEquals(ConversationState.IDLE, conversation.state());
        assertNull(conversation.summary());
        RecordingSink.drive(conversation, TO_SURE.replace("key:2@4000", "key:5@4000") + " yes@5500");

        assertEquals("qualified closers: Bo, TX: a, code 153, sure yes", sink.actions.get(sink.actions.size() - 1));
        assertEquals("win", conversation.outcome().id());
    }

    @Test
    void shouldRenderMissingValuesAsQuestionMark()
    {
        final RecordingSink sink = new RecordingSink();
        final Conversation conversation = new Conversation(SCRIPT, sink).reset(new String[]{null, "TX"});

        RecordingSink.drive(conversation, TO_SURE + " yes@5500");

        assertEquals("?, TX: a, code 123, sure yes", conversation.summary());
    }

    private static Arguments c(
        final String name,
        final String state,
        final String events,
        final String expected,
        final ConversationState expectedState,
        final ConversationResult expectedResult)
    {
        final List<String> actions = expected.isEmpty() ? List.of() : Arrays.asList(expected.split("; "));
        return Arguments.of(name, state, events, actions, expectedState, expectedResult);
    }
}
