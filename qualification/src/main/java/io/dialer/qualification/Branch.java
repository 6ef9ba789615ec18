/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * A compiled {@code if}/{@code goto} (or {@code then}): a condition, or none for always, and a target: a question
 * index (0 and up) or an outcome, encoded as {@code -1 - outcomeIndex}.
 */
final class Branch
{
    final Condition condition;
    final int target;

    Branch(final Condition condition, final int target)
    {
        this.condition = condition;
        this.target = target;
    }

    static int outcomeTarget(final int outcomeIndex)
    {
        return -1 - outcomeIndex;
    }

    static boolean isOutcome(final int target)
    {
        return target < 0;
    }

    static int outcomeIndex(final int target)
    {
        return -1 - target;
    }
}
