/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.dialer.qualification.ActionSink;
import io.dialer.qualification.CompileResult;
import io.dialer.qualification.Conversation;
import io.dialer.qualification.ConversationState;
import io.dialer.qualification.Prompt;
import io.dialer.qualification.Question;
import io.dialer.qualification.Script;
import io.dialer.qualification.ScriptCompiler;
import io.dialer.qualification.SpokenAnswer;
import io.dialer.qualification.ValidationError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dialer dry-run SCRIPT --lead k=v… --keys 1,1,75201#}: plays a conversation with a script in text, with
 * simulated time, so a manager can test a script before a campaign. It drives the same interpreter the dialer runs.
 */
@Command(
    name = "dry-run",
    mixinStandardHelpOptions = true,
    description = {
        "Play a conversation with a qualification script in text, to test it before a campaign.",
        "Each element of --keys answers one question (or one re-prompt): its keys are pressed one by one.",
        "Special elements: empty or 'timeout' = no input, 'hangup' = the caller hangs up, 'yes'/'no' = spoken " +
            "answer, 'noise' = unrecognised speech; a leading '!' presses the keys during the prompt (barge-in)."
    })
public final class DryRunCommand implements Callable<Integer>
{
    /**
     * Exit code when the conversation was played.
     */
    public static final int PLAYED = 0;

    /**
     * Exit code when the script does not validate.
     */
    public static final int INVALID_SCRIPT = 1;

    private static final long KEY_GAP_MS = 500;
    private static final long BARGE_IN_AFTER_MS = 1_000;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The qualification script (YAML).")
    private Path scriptFile;

    @Option(names = "--lead", paramLabel = "FIELD=VALUE", description = "A lead field (CSV column), repeatable.")
    private Map<String, String> lead = new LinkedHashMap<>();

    @Option(names = "--keys", paramLabel = "ANSWERS", defaultValue = "",
        description = "Comma-separated answers, one per question asked, e.g. 1,1,75201#")
    private String keys;

    @Option(names = "--prompt-ms", paramLabel = "MS", defaultValue = "0",
        description = "Simulated length of every prompt; 0 (default) estimates 15 characters a second.")
    private long promptMs;

    /**
     * Plays the conversation.
     *
     * @return {@link #PLAYED} or {@link #INVALID_SCRIPT}.
     */
    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final CompileResult result = ScriptCompiler.compile(scriptFile);
        if (!result.isValid())
        {
            for (final ValidationError error : result.errors())
            {
                out.println(error);
            }
            out.println(scriptFile + ": not valid, nothing played");
            out.flush();
            return INVALID_SCRIPT;
        }
        final Script script = result.script();
        for (int i = 0; i < script.leadFieldCount(); i++)
        {
            if (!lead.containsKey(script.leadField(i)))
            {
                out.println("note: lead field '" + script.leadField(i) + "' not given (--lead " +
                    script.leadField(i) + "=...)");
            }
        }
        final ArrayDeque<String> answers = new ArrayDeque<>(Arrays.asList(keys.isEmpty() ?
            new String[0] : keys.split(",", -1)));
        new Player(script, out, answers, promptMs).play(script.leadValues(lead));
        out.flush();
        return PLAYED;
    }

    /**
     * Drives a conversation with simulated time and prints it.
     */
    static final class Player implements ActionSink
    {
        private final PrintWriter out;
        private final ArrayDeque<String> answers;
        private final long fixedPromptMs;
        private final Conversation conversation;
        private final ArrayDeque<Prompt> playing = new ArrayDeque<>();
        private long now;
        private long promptEndsAt;

        Player(final Script script, final PrintWriter out, final ArrayDeque<String> answers, final long promptMs)
        {
            this.out = out;
            this.answers = answers;
            this.fixedPromptMs = promptMs;
            this.conversation = new Conversation(script, this);
        }

        void play(final String[] leadValues)
        {
            conversation.reset(leadValues);
            conversation.start(now);
            while (ConversationState.ENDED != conversation.state())
            {
                if (!playing.isEmpty())
                {
                    if (ConversationState.ASKING == conversation.state() && null != answers.peek() &&
                        answers.peek().startsWith("!"))
                    {
                        now += BARGE_IN_AFTER_MS;
                        answer(answers.poll().substring(1), true);
                    }
                    else
                    {
                        now = Math.max(now, promptEndsAt);
                        playing.poll();
                        if (!playing.isEmpty())
                        {
                            announce(playing.peek());
                        }
                        conversation.promptFinished(now);
                    }
                }
                else if (ConversationState.COLLECTING == conversation.state())
                {
                    if (answers.isEmpty())
                    {
                        line("(no more answers in --keys: the caller hangs up)");
                        conversation.callerHungUp(now);
                    }
                    else
                    {
                        answer(answers.poll(), false);
                    }
                }
                else
                {
                    break;
                }
            }
            if (!answers.isEmpty())
            {
                line("note: " + answers.size() + " answer(s) in --keys not used: " + String.join(",", answers));
            }
        }

        private void answer(final String answer, final boolean bargeIn)
        {
            final String during = bargeIn ? " (during the prompt)" : "";
            switch (answer.toLowerCase(Locale.ROOT))
            {
                case "":
                case "timeout":
                {
                    final long deadline = conversation.deadlineMs();
                    now = Math.max(now, deadline);
                    line("CALLER says nothing");
                    conversation.timeout(now);
                    return;
                }
                case "hangup":
                    line("CALLER hangs up" + during);
                    conversation.callerHungUp(now);
                    return;
                case "yes":
                    spoken(SpokenAnswer.YES, "yes", during);
                    return;
                case "no":
                    spoken(SpokenAnswer.NO, "no", during);
                    return;
                case "noise":
                    spoken(SpokenAnswer.UNRECOGNISED, "something unclear", during);
                    return;
                default:
                    keys(answer, during);
                    break;
            }
        }

        private void spoken(final SpokenAnswer spoken, final String text, final String during)
        {
            now += KEY_GAP_MS;
            line("CALLER says \"" + text + "\"" + during);
            conversation.spokenAnswer(spoken, now);
        }

        private void keys(final String answer, final String during)
        {
            final Question asked = conversation.question();
            for (int i = 0; i < answer.length(); i++)
            {
                final ConversationState state = conversation.state();
                if (ConversationState.COLLECTING != state && ConversationState.ASKING != state)
                {
                    line("note: keys '" + answer.substring(i) + "' not pressed: the conversation is over");
                    return;
                }
                now += i == 0 && !during.isEmpty() ? 0 : KEY_GAP_MS;
                final boolean prompting = ConversationState.ASKING == state || ConversationState.GREETING == state;
                line("CALLER presses " + answer.charAt(i) + (prompting ? " (during the prompt)" : ""));
                conversation.key(answer.charAt(i), now);
            }
            if (ConversationState.COLLECTING == conversation.state() && conversation.deadlineMs() >= 0 &&
                asked == conversation.question())
            {
                now = Math.max(now, conversation.deadlineMs());
                line("CALLER presses nothing more (timeout)");
                conversation.timeout(now);
            }
        }

        private long duration(final Prompt prompt)
        {
            if (fixedPromptMs > 0)
            {
                return fixedPromptMs;
            }
            final String spoken = conversation.render(prompt);
            final String text = null == spoken ? "" : spoken;
            return Math.max(1_000, text.length() * 1_000L / 15);
        }

        private void line(final String text)
        {
            out.printf("[%02d:%02d.%d] %s%n", now / 60_000, (now / 1_000) % 60, (now % 1_000) / 100, text);
        }

        public void play(final Prompt prompt, final boolean bargeIn)
        {
            playing.add(prompt);
            if (1 == playing.size())
            {
                announce(prompt);
            }
        }

        private void announce(final Prompt prompt)
        {
            promptEndsAt = now + duration(prompt);
            final String audio = null == prompt.audio() ? "" : "[audio " + prompt.audio() + "] ";
            final String spoken = conversation.render(prompt);
            line("DIALER: " + audio + (null == spoken ? "" : spoken));
        }

        public void stopPrompts()
        {
            playing.clear();
            line("(prompt stopped)");
        }

        public void collect(final Question question, final long deadlineMs)
        {
        }

        public void timer(final long deadlineMs)
        {
        }

        public void answer(final Question question, final CharSequence value)
        {
            line("(answer " + question.id() + " = " + value + ")");
        }

        public void qualified(final String skill, final String summary)
        {
            line("→ QUALIFIED to skill " + skill + ": " + summary);
        }

        public void disqualified(final String reason, final Prompt closingPrompt)
        {
            line("→ DISQUALIFIED: " + reason);
        }

        public void callback(final CharSequence requestedTime, final Prompt closingPrompt)
        {
            line("→ CALLBACK requested: " + requestedTime);
        }

        public void optOut(final Prompt closingPrompt)
        {
            line("→ OPTED OUT: the number goes on the do-not-call list");
        }

        public void hangUp()
        {
            line("DIALER hangs up");
        }
    }
}
