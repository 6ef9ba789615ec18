/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * A compiled rule condition, evaluated in three-valued logic: a comparison on an answer not given yet is
 * {@link #UNKNOWN}, so that a rule decides as soon as the answers it needs allow it ({@code a or b} is true once
 * {@code a} is, whatever {@code b}).
 */
abstract class Condition
{
    static final int FALSE = 0;
    static final int TRUE = 1;
    static final int UNKNOWN = 2;

    static final int EQ = 0;
    static final int NE = 1;
    static final int LT = 2;
    static final int LE = 3;
    static final int GT = 4;
    static final int GE = 5;

    abstract int evaluate(Conversation c);

    static int of(final boolean value)
    {
        return value ? TRUE : FALSE;
    }

    /**
     * Both sides true.
     */
    static final class And extends Condition
    {
        private final Condition left;
        private final Condition right;

        And(final Condition left, final Condition right)
        {
            this.left = left;
            this.right = right;
        }

        int evaluate(final Conversation c)
        {
            final int a = left.evaluate(c);
            if (FALSE == a)
            {
                return FALSE;
            }
            final int b = right.evaluate(c);
            if (FALSE == b)
            {
                return FALSE;
            }
            return TRUE == a && TRUE == b ? TRUE : UNKNOWN;
        }
    }

    /**
     * Either side true.
     */
    static final class Or extends Condition
    {
        private final Condition left;
        private final Condition right;

        Or(final Condition left, final Condition right)
        {
            this.left = left;
            this.right = right;
        }

        int evaluate(final Conversation c)
        {
            final int a = left.evaluate(c);
            if (TRUE == a)
            {
                return TRUE;
            }
            final int b = right.evaluate(c);
            if (TRUE == b)
            {
                return TRUE;
            }
            return FALSE == a && FALSE == b ? FALSE : UNKNOWN;
        }
    }

    /**
     * The negation; unknown stays unknown.
     */
    static final class Not extends Condition
    {
        private final Condition inner;

        Not(final Condition inner)
        {
            this.inner = inner;
        }

        int evaluate(final Conversation c)
        {
            final int a = inner.evaluate(c);
            return UNKNOWN == a ? UNKNOWN : (TRUE == a ? FALSE : TRUE);
        }
    }

    /**
     * A comparison: numeric when both sides are numbers, else on text (equality only; validation rejects ordering on
     * text).
     */
    static final class Compare extends Condition
    {
        private final Operand left;
        private final int op;
        private final Operand right;

        Compare(final Operand left, final int op, final Operand right)
        {
            this.left = left;
            this.op = op;
            this.right = right;
        }

        int evaluate(final Conversation c)
        {
            if (!left.present(c) || !right.present(c))
            {
                return UNKNOWN;
            }
            final double a = left.number(c);
            final double b = right.number(c);
            if (!Double.isNaN(a) && !Double.isNaN(b))
            {
                switch (op)
                {
                    case EQ:
                        return of(a == b);
                    case NE:
                        return of(a != b);
                    case LT:
                        return of(a < b);
                    case LE:
                        return of(a <= b);
                    case GT:
                        return of(a > b);
                    default:
                        return of(a >= b);
                }
            }
            final boolean equal = Values.contentEquals(left.text(c), right.text(c));
            if (EQ == op)
            {
                return of(equal);
            }
            if (NE == op)
            {
                return of(!equal);
            }
            return FALSE;
        }
    }

    /**
     * A numeric range, bounds included.
     */
    static final class Between extends Condition
    {
        private final Operand value;
        private final double low;
        private final double high;

        Between(final Operand value, final double low, final double high)
        {
            this.value = value;
            this.low = low;
            this.high = high;
        }

        int evaluate(final Conversation c)
        {
            if (!value.present(c))
            {
                return UNKNOWN;
            }
            final double v = value.number(c);
            return of(!Double.isNaN(v) && v >= low && v <= high);
        }
    }

    /**
     * Set membership.
     */
    static final class In extends Condition
    {
        private final Operand value;
        private final ValueSet set;

        In(final Operand value, final ValueSet set)
        {
            this.value = value;
            this.set = set;
        }

        int evaluate(final Conversation c)
        {
            if (!value.present(c))
            {
                return UNKNOWN;
            }
            return of(set.contains(value, c));
        }
    }
}
