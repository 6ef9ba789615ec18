/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * One side of a comparison: a literal, an answer or a lead field.
 */
abstract class Operand
{
    abstract boolean present(Conversation c);

    abstract double number(Conversation c);

    abstract long digitKey(Conversation c);

    abstract CharSequence text(Conversation c);

    /**
     * A literal value from a rule.
     */
    static final class Literal extends Operand
    {
        private final String text;
        private final double number;
        private final long digitKey;

        Literal(final String text)
        {
            this.text = text;
            this.number = Values.number(text);
            this.digitKey = Values.digitKey(text);
        }

        boolean present(final Conversation c)
        {
            return true;
        }

        double number(final Conversation c)
        {
            return number;
        }

        long digitKey(final Conversation c)
        {
            return digitKey;
        }

        CharSequence text(final Conversation c)
        {
            return text;
        }

        String text()
        {
            return text;
        }

        double number()
        {
            return number;
        }
    }

    /**
     * The answer to a question, by its index.
     */
    static final class Answer extends Operand
    {
        private final int question;

        Answer(final int question)
        {
            this.question = question;
        }

        boolean present(final Conversation c)
        {
            return c.answered(question);
        }

        double number(final Conversation c)
        {
            return c.answerNumber(question);
        }

        long digitKey(final Conversation c)
        {
            return c.answerDigitKey(question);
        }

        CharSequence text(final Conversation c)
        {
            return c.answerText(question);
        }
    }

    /**
     * A lead field (CSV column), by its index in the script's declared lead fields.
     */
    static final class Lead extends Operand
    {
        private final int field;

        Lead(final int field)
        {
            this.field = field;
        }

        boolean present(final Conversation c)
        {
            return c.leadPresent(field);
        }

        double number(final Conversation c)
        {
            return c.leadNumber(field);
        }

        long digitKey(final Conversation c)
        {
            return c.leadDigitKey(field);
        }

        CharSequence text(final Conversation c)
        {
            return c.leadText(field);
        }
    }
}
