/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.util.ArrayList;
import java.util.List;

/**
 * Records actions as short strings, for table-driven tests.
 */
final class RecordingSink implements ActionSink
{
    final List<String> actions = new ArrayList<>();

    public void play(final Prompt prompt, final boolean bargeIn)
    {
        actions.add("play " + prompt + (bargeIn ? " (barge-in)" : ""));
    }

    public void stopPrompts()
    {
        actions.add("stop");
    }

    public void collect(final Question question, final long deadlineMs)
    {
        actions.add("collect " + question.id() + " until " + deadlineMs);
    }

    public void timer(final long deadlineMs)
    {
        actions.add("timer " + deadlineMs);
    }

    public void answer(final Question question, final CharSequence value)
    {
        actions.add("answer " + question.id() + "=" + value);
    }

    public void qualified(final String skill, final String summary)
    {
        actions.add("qualified " + skill + ": " + summary);
    }

    public void disqualified(final String reason, final Prompt closingPrompt)
    {
        actions.add("disqualified " + reason + " / " + closingPrompt);
    }

    public void callback(final CharSequence requestedTime, final Prompt closingPrompt)
    {
        actions.add("callback " + requestedTime + " / " + closingPrompt);
    }

    public void optOut(final Prompt closingPrompt)
    {
        actions.add("opt-out / " + closingPrompt);
    }

    public void hangUp()
    {
        actions.add("hang-up");
    }

    /**
     * Feeds events written as {@code start@0 done@1000 key:1@2500 digits:75201#@3000 timeout@6000 yes@7000 noise@7000
     * hangup@8000}.
     */
    static void drive(final Conversation conversation, final String events)
    {
        for (final String event : events.trim().split("\\s+"))
        {
            if (event.isEmpty())
            {
                continue;
            }
            final int at = event.indexOf('@');
            final String name = event.substring(0, at);
            final long time = Long.parseLong(event.substring(at + 1));
            if (name.startsWith("digits:"))
            {
                conversation.digitsCollected(name.substring(7), time);
                continue;
            }
            if (name.startsWith("key:"))
            {
                conversation.key(name.charAt(4), time);
                continue;
            }
            switch (name)
            {
                case "start":
                    conversation.start(time);
                    break;
                case "done":
                    conversation.promptFinished(time);
                    break;
                case "timeout":
                    conversation.timeout(time);
                    break;
                case "yes":
                    conversation.spokenAnswer(SpokenAnswer.YES, time);
                    break;
                case "no":
                    conversation.spokenAnswer(SpokenAnswer.NO, time);
                    break;
                case "noise":
                    conversation.spokenAnswer(SpokenAnswer.UNRECOGNISED, time);
                    break;
                case "hangup":
                    conversation.callerHungUp(time);
                    break;
                default:
                    throw new IllegalArgumentException(event);
            }
        }
    }
}
