/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.Arrays;

import io.dialer.core.journal.Step;

/**
 * What plays on the lead's leg: the script's prompts queue one after another (the interpreter expects that), the
 * transfer's prompts replace the transfer's own prompts still waiting, and each play carries a token so that a
 * "finished" report is matched to the play that caused it. Part of a {@link CallFlow}; no I/O.
 */
final class CallerPrompts
{
    private static final int QUEUE = 8;

    private final CallCommands out;
    private final Object[] queue = new Object[QUEUE];
    private final boolean[] queueLoop = new boolean[QUEUE];
    private long callId;
    private long nextToken;
    private long token;
    private Object current;
    private boolean firstScriptPromptPlayed;
    private long firstPromptOriginNanos;
    private int head;
    private int size;

    CallerPrompts(final CallCommands out)
    {
        this.out = out;
    }

    void reset(final long callId)
    {
        this.callId = callId;
        nextToken = 1;
        token = 0;
        current = null;
        firstScriptPromptPlayed = false;
        firstPromptOriginNanos = 0;
        clearQueue();
    }

    /**
     * @param nanos when the greeting ended (the verdict): the script's first prompt measures its start from it.
     */
    void firstPromptOrigin(final long nanos)
    {
        firstPromptOriginNanos = nanos;
    }

    /**
     * @return true while a prompt plays.
     */
    boolean playing()
    {
        return 0 != token;
    }

    /**
     * @return true while one of the script's prompts plays.
     */
    boolean scriptPlaying()
    {
        return 0 != token && current instanceof io.dialer.qualification.Prompt;
    }

    /**
     * A script prompt: played now when nothing plays, else after what is queued.
     *
     * @param prompt the prompt.
     */
    void enqueue(final Object prompt)
    {
        if (0 == token)
        {
            start(prompt, false);
            return;
        }
        if (size == QUEUE)
        {
            return; // a script never queues this many prompts: the eighth's the limit, the ninth is dropped
        }
        final int tail = (head + size) % QUEUE;
        queue[tail] = prompt;
        queueLoop[tail] = false;
        size++;
    }

    /**
     * A transfer prompt: replaces the transfer's prompts still waiting; lets a script prompt that plays ("please
     * hold...") finish first.
     *
     * @param prompt the prompt.
     * @param loop   play it in a loop.
     */
    void playTransfer(final Object prompt, final boolean loop)
    {
        dropQueuedTransferPrompts();
        if (scriptPlaying())
        {
            if (size < QUEUE)
            {
                final int tail = (head + size) % QUEUE;
                queue[tail] = prompt;
                queueLoop[tail] = loop;
                size++;
            }
            return;
        }
        start(prompt, loop);
    }

    /**
     * Plays a prompt now, whatever played or waited (the voicemail message after the beep).
     *
     * @param prompt the prompt.
     */
    void playNow(final Object prompt)
    {
        clearQueue();
        start(prompt, false);
    }

    /**
     * Stops what plays and forgets what waits.
     */
    void stop()
    {
        clearQueue();
        if (0 != token)
        {
            token = 0;
            current = null;
            out.stopLeadPlayback(callId);
        }
    }

    /**
     * A play finished.
     *
     * @param finishedToken the token it was started with.
     * @return the prompt that finished, or null when the token is not the current play's (stale or stopped).
     */
    Object finished(final long finishedToken)
    {
        if (0 == finishedToken || finishedToken != token)
        {
            return null;
        }
        final Object prompt = current;
        token = 0;
        current = null;
        return prompt;
    }

    /**
     * Starts the next waiting prompt, if any.
     */
    void playNext()
    {
        if (0 == size)
        {
            return;
        }
        final Object prompt = queue[head];
        final boolean loop = queueLoop[head];
        queue[head] = null;
        head = (head + 1) % QUEUE;
        size--;
        start(prompt, loop);
    }

    private void start(final Object prompt, final boolean loop)
    {
        token = nextToken++;
        current = prompt;
        long origin = 0;
        if (!firstScriptPromptPlayed && prompt instanceof io.dialer.qualification.Prompt)
        {
            firstScriptPromptPlayed = true;
            origin = firstPromptOriginNanos;
        }
        out.playToLead(callId, prompt, loop, token, origin, Step.GREETING_END_TO_FIRST_PROMPT.ordinal());
    }

    /**
     * Forgets the transfer's prompts still waiting, keeping the script's.
     */
    void dropQueuedTransferPrompts()
    {
        int kept = 0;
        for (int i = 0; i < size; i++)
        {
            final int index = (head + i) % QUEUE;
            final Object prompt = queue[index];
            if (!(prompt instanceof io.dialer.qualification.Prompt))
            {
                continue;
            }
            final int to = (head + kept) % QUEUE;
            queue[to] = prompt;
            queueLoop[to] = queueLoop[index];
            kept++;
        }
        for (int i = kept; i < size; i++)
        {
            queue[(head + i) % QUEUE] = null;
        }
        size = kept;
    }

    private void clearQueue()
    {
        Arrays.fill(queue, null);
        head = 0;
        size = 0;
    }
}
