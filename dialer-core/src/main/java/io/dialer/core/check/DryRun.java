/*
 * File checks.
 */
package io.dialer.core.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dialer.qualification.ActionSink;
import io.dialer.qualification.Conversation;
import io.dialer.qualification.ConversationState;
import io.dialer.qualification.Prompt;
import io.dialer.qualification.Question;
import io.dialer.qualification.Script;
import io.dialer.qualification.SpokenAnswer;

/**
 * Plays a conversation with a compiled script in text, with simulated time, so a manager can test a script before a
 * campaign: the same interpreter the dialer runs, driven by a list of answers, one per question asked (or re-prompt):
 * keys pressed one by one; empty or {@code timeout} = no input, {@code hangup} = the caller hangs up,
 * {@code yes}/{@code no} = a spoken answer, {@code noise} = unrecognised speech; a leading {@code !} presses the keys
 * during the prompt (barge-in). {@code dialer dry-run} prints the transcript; the server returns it as JSON.
 */
public final class DryRun
{
    /**
     * The default simulated length of a prompt: 0 estimates 15 characters a second (at least a second).
     */
    public static final long PROMPT_MS_DEFAULT = 0;

    private static final long KEY_GAP_MS = 500;
    private static final long BARGE_IN_AFTER_MS = 1_000;

    private final List<String> notes = new ArrayList<>();
    private final List<DryRunLine> lines = new ArrayList<>();
    private String outcome;

    private DryRun()
    {
    }

    /**
     * Plays a conversation.
     *
     * @param script   the compiled script.
     * @param lead     the lead's fields (CSV columns) by name; the missing ones are noted and spoken with their
     *                 fallback.
     * @param answers  the caller's answers, one per question asked.
     * @param promptMs the simulated length of every prompt, or 0 to estimate it from its text.
     * @return the transcript.
     */
    public static DryRun play(
        final Script script, final Map<String, String> lead, final List<String> answers, final long promptMs)
    {
        final DryRun run = new DryRun();
        for (int i = 0; i < script.leadFieldCount(); i++)
        {
            if (!lead.containsKey(script.leadField(i)))
            {
                run.notes.add("note: lead field '" + script.leadField(i) + "' not given (--lead " +
                    script.leadField(i) + "=...)");
            }
        }
        new Player(script, run, new ArrayDeque<>(answers), promptMs).play(script.leadValues(lead));
        return run;
    }

    /**
     * What is said before the conversation: lead fields the script names that were not given.
     *
     * @return the notes, like {@code note: lead field 'city' not given (--lead city=...)}.
     */
    public List<String> notes()
    {
        return notes;
    }

    /**
     * The transcript in time order.
     *
     * @return the lines.
     */
    public List<DryRunLine> lines()
    {
        return lines;
    }

    /**
     * The outcome the conversation reached.
     *
     * @return {@code QUALIFIED}, {@code DISQUALIFIED}, {@code CALLBACK} or {@code OPTED_OUT}, or null when the
     *     conversation ended without one (the caller hung up).
     */
    public String outcome()
    {
        return outcome;
    }

    /**
     * Drives a conversation with simulated time and records it.
     */
    private static final class Player implements ActionSink
    {
        private final DryRun run;
        private final ArrayDeque<String> answers;
        private final long fixedPromptMs;
        private final Conversation conversation;
        private final ArrayDeque<Prompt> playing = new ArrayDeque<>();
        private long now;
        private long promptEndsAt;

        Player(final Script script, final DryRun run, final ArrayDeque<String> answers, final long promptMs)
        {
            this.run = run;
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
                        line(DryRunLine.Kind.NOTE, "(no more answers in --keys: the caller hangs up)");
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
                line(DryRunLine.Kind.NOTE, "note: " + answers.size() + " answer(s) in --keys not used: " +
                    String.join(",", answers));
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
                    line(DryRunLine.Kind.CALLER, "CALLER says nothing");
                    conversation.timeout(now);
                    return;
                }
                case "hangup":
                    line(DryRunLine.Kind.CALLER, "CALLER hangs up" + during);
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
            line(DryRunLine.Kind.CALLER, "CALLER says \"" + text + "\"" + during);
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
                    line(DryRunLine.Kind.NOTE, "note: keys '" + answer.substring(i) +
                        "' not pressed: the conversation is over");
                    return;
                }
                now += i == 0 && !during.isEmpty() ? 0 : KEY_GAP_MS;
                final boolean prompting = ConversationState.ASKING == state || ConversationState.GREETING == state;
                line(DryRunLine.Kind.CALLER, "CALLER presses " + answer.charAt(i) +
                    (prompting ? " (during the prompt)" : ""));
                conversation.key(answer.charAt(i), now);
            }
            if (ConversationState.COLLECTING == conversation.state() && conversation.deadlineMs() >= 0 &&
                asked == conversation.question())
            {
                now = Math.max(now, conversation.deadlineMs());
                line(DryRunLine.Kind.CALLER, "CALLER presses nothing more (timeout)");
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

        private void line(final DryRunLine.Kind kind, final String text)
        {
            run.lines.add(new DryRunLine(now, kind, text));
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
            line(DryRunLine.Kind.PROMPT, "DIALER: " + audio + (null == spoken ? "" : spoken));
        }

        public void stopPrompts()
        {
            playing.clear();
            line(DryRunLine.Kind.NOTE, "(prompt stopped)");
        }

        public void collect(final Question question, final long deadlineMs)
        {
        }

        public void timer(final long deadlineMs)
        {
        }

        public void answer(final Question question, final CharSequence value)
        {
            line(DryRunLine.Kind.ANSWER, "(answer " + question.id() + " = " + value + ")");
        }

        public void qualified(final String skill, final String summary)
        {
            run.outcome = "QUALIFIED";
            line(DryRunLine.Kind.OUTCOME, "→ QUALIFIED to skill " + skill + ": " + summary);
        }

        public void disqualified(final String reason, final Prompt closingPrompt)
        {
            run.outcome = "DISQUALIFIED";
            line(DryRunLine.Kind.OUTCOME, "→ DISQUALIFIED: " + reason);
        }

        public void callback(final CharSequence requestedTime, final Prompt closingPrompt)
        {
            run.outcome = "CALLBACK";
            line(DryRunLine.Kind.OUTCOME, "→ CALLBACK requested: " + requestedTime);
        }

        public void optOut(final Prompt closingPrompt)
        {
            run.outcome = "OPTED_OUT";
            line(DryRunLine.Kind.OUTCOME, "→ OPTED OUT: the number goes on the do-not-call list");
        }

        public void hangUp()
        {
            line(DryRunLine.Kind.HANGUP, "DIALER hangs up");
        }
    }
}
