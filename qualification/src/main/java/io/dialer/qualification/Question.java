/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * A compiled question: immutable, indexed, its choice map an array indexed by key.
 */
public final class Question
{
    final String id;
    final int index;
    final Prompt prompt;
    final Prompt retryPrompt;
    final AnswerKind kind;
    final String[] choiceByKey;
    final int minDigits;
    final int maxDigits;
    final long timeoutMs;
    final long interDigitTimeoutMs;
    final int retries;
    final int noInputTarget;
    final int invalidTarget;
    final Branch[] next;

    Question(
        final String id,
        final int index,
        final Prompt prompt,
        final Prompt retryPrompt,
        final AnswerKind kind,
        final String[] choiceByKey,
        final int minDigits,
        final int maxDigits,
        final long timeoutMs,
        final long interDigitTimeoutMs,
        final int retries,
        final int noInputTarget,
        final int invalidTarget,
        final Branch[] next)
    {
        this.id = id;
        this.index = index;
        this.prompt = prompt;
        this.retryPrompt = retryPrompt;
        this.kind = kind;
        this.choiceByKey = choiceByKey;
        this.minDigits = minDigits;
        this.maxDigits = maxDigits;
        this.timeoutMs = timeoutMs;
        this.interDigitTimeoutMs = interDigitTimeoutMs;
        this.retries = retries;
        this.noInputTarget = noInputTarget;
        this.invalidTarget = invalidTarget;
        this.next = next;
    }

    /**
     * The id, as written in the script.
     *
     * @return the id.
     */
    public String id()
    {
        return id;
    }

    /**
     * The index in {@link Script#question(int)}.
     *
     * @return the index.
     */
    public int index()
    {
        return index;
    }

    /**
     * The question's prompt.
     *
     * @return the prompt.
     */
    public Prompt prompt()
    {
        return prompt;
    }

    /**
     * Played before the prompt when asking again after no input or invalid input.
     *
     * @return the prompt, or null for none.
     */
    public Prompt retryPrompt()
    {
        return retryPrompt;
    }

    /**
     * How the question is answered.
     *
     * @return the kind.
     */
    public AnswerKind kind()
    {
        return kind;
    }

    /**
     * The value a key chooses, for a {@link AnswerKind#CHOICE} question.
     *
     * @param key a keypad key.
     * @return the value, or null when the key is not a choice.
     */
    public String choice(final char key)
    {
        final int index = Keys.index(key);
        return null == choiceByKey || Keys.NONE == index ? null : choiceByKey[index];
    }

    /**
     * The fewest digits accepted, for a {@link AnswerKind#DIGITS} question.
     *
     * @return the minimum.
     */
    public int minDigits()
    {
        return minDigits;
    }

    /**
     * The most digits collected; the answer ends when this many are entered.
     *
     * @return the maximum.
     */
    public int maxDigits()
    {
        return maxDigits;
    }

    /**
     * How long to wait for the first key (or speech) once the prompt has finished.
     *
     * @return milliseconds.
     */
    public long timeoutMs()
    {
        return timeoutMs;
    }

    /**
     * How long to wait for each further digit.
     *
     * @return milliseconds.
     */
    public long interDigitTimeoutMs()
    {
        return interDigitTimeoutMs;
    }

    /**
     * How many times the question is asked again after no input or invalid input.
     *
     * @return the number of re-prompts.
     */
    public int retries()
    {
        return retries;
    }
}
