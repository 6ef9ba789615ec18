/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * A compiled outcome: qualified (skill and summary), disqualified (reason and closing prompt) or callback (the answer
 * that holds the time asked for, and a closing prompt).
 */
public final class Outcome
{
    final String id;
    final int index;
    final OutcomeKind kind;
    final String skill;
    final String reason;
    final Prompt prompt;
    final Template summary;
    final int callbackQuestion;

    Outcome(
        final String id,
        final int index,
        final OutcomeKind kind,
        final String skill,
        final String reason,
        final Prompt prompt,
        final Template summary,
        final int callbackQuestion)
    {
        this.id = id;
        this.index = index;
        this.kind = kind;
        this.skill = skill;
        this.reason = reason;
        this.prompt = prompt;
        this.summary = summary;
        this.callbackQuestion = callbackQuestion;
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
     * The index in {@link Script#outcome(int)}.
     *
     * @return the index.
     */
    public int index()
    {
        return index;
    }

    /**
     * The kind.
     *
     * @return the kind.
     */
    public OutcomeKind kind()
    {
        return kind;
    }

    /**
     * The skill (queue) to transfer to, for a qualified outcome.
     *
     * @return the skill, or null.
     */
    public String skill()
    {
        return skill;
    }

    /**
     * The reason, for a disqualified outcome.
     *
     * @return the reason, or null.
     */
    public String reason()
    {
        return reason;
    }

    /**
     * The prompt played on reaching the outcome (closing prompt, or hand-off prompt when qualified).
     *
     * @return the prompt, or null when a qualified outcome has none.
     */
    public Prompt prompt()
    {
        return prompt;
    }
}
