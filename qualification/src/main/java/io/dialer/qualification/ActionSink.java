/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * Where a {@link Conversation} sends its actions. Called on the conversation's thread, inside an event; an
 * implementation must not call back into the same conversation.
 * <p>
 * Timers: a conversation has at most one live timer. {@link #collect(Question, long)} and {@link #timer(long)} arm
 * it (a new one replaces the old one); the caller delivers {@link Conversation#timeout(long)} at or after the deadline.
 * A timeout before the current deadline, or when no timer is armed, is ignored, so a stale timer needs no cancelling.
 */
public interface ActionSink
{
    /**
     * Play a prompt. Prompts played in one step are queued in order; each one reports
     * {@link Conversation#promptFinished(long)} when it ends, unless stopped by {@link #stopPrompts()}.
     *
     * @param prompt  what to play.
     * @param bargeIn true when a key (or speech) may interrupt it and count as the answer.
     */
    void play(Prompt prompt, boolean bargeIn);

    /**
     * Stop the prompts being played (barge-in or opt-out); no {@code promptFinished} is expected for them.
     */
    void stopPrompts();

    /**
     * Listen for the question's answer (keys, or speech for a spoken question) and arm the timer.
     *
     * @param question   the question, with its kind, digit bounds and timeouts.
     * @param deadlineMs when the no-input (first digit) timer expires.
     */
    void collect(Question question, long deadlineMs);

    /**
     * Re-arm the timer, for the inter-digit timeout.
     *
     * @param deadlineMs when the timer expires.
     */
    void timer(long deadlineMs);

    /**
     * An answer was accepted, for the journal.
     *
     * @param question the question.
     * @param value    the choice value, the digits, or {@code yes}/{@code no}; valid only during this call.
     */
    void answer(Question question, CharSequence value);

    /**
     * The caller qualified: transfer to a closer with the skill. The conversation has ended.
     *
     * @param skill   the skill (queue) of the closers to transfer to.
     * @param summary the summary for the closer's briefing.
     */
    void qualified(String skill, String summary);

    /**
     * The caller was disqualified; the closing prompt follows, then {@link #hangUp()}.
     *
     * @param reason        the reason, for the disposition.
     * @param closingPrompt the prompt about to be played.
     */
    void disqualified(String reason, Prompt closingPrompt);

    /**
     * The caller asked for a callback; the closing prompt follows, then {@link #hangUp()}.
     *
     * @param requestedTime the time asked for, as the caller's answer (choice value or digits); valid only during
     *                      this call.
     * @param closingPrompt the prompt about to be played.
     */
    void callback(CharSequence requestedTime, Prompt closingPrompt);

    /**
     * The caller pressed the opt-out key: add the number to the do-not-call list. The closing prompt follows, then
     * {@link #hangUp()}.
     *
     * @param closingPrompt the prompt about to be played.
     */
    void optOut(Prompt closingPrompt);

    /**
     * Hang up the call: the closing prompt has finished.
     */
    void hangUp();
}
