/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.util.ArrayList;
import java.util.List;

import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Parses and type-checks rule conditions ({@code answers.age < 18 or lead.zip not in service_area}), summary
 * templates and references, reporting errors at their column inside the YAML scalar.
 */
final class RuleParser
{
    /**
     * What a rule can refer to.
     */
    interface Scope
    {
        int questionIndex(String id);

        AnswerKind questionKind(int index);

        List<String> choiceValues(int index);

        int leadFieldIndex(String name);

        ValueSet list(String name);
    }

    private static final String ANSWERS = "answers.";
    private static final String LEAD = "lead.";

    private static final int WORD = 0;
    private static final int STRING = 1;
    private static final int OP = 2;
    private static final int PUNCT = 3;
    private static final int END = 4;

    private final Scope scope;
    private final Problems problems;

    private ScalarNode node;
    private String text;
    private int position;
    private int tokenType;
    private int tokenStart;
    private String token;
    private boolean failed;

    RuleParser(final Scope scope, final Problems problems)
    {
        this.scope = scope;
        this.problems = problems;
    }

    /**
     * A typed operand while parsing: what it is, for type checks.
     */
    private static final class Term
    {
        final Operand operand;
        final String text;
        final int offset;
        final int question;
        final boolean literal;

        Term(final Operand operand, final String text, final int offset, final int question, final boolean literal)
        {
            this.operand = operand;
            this.text = text;
            this.offset = offset;
            this.question = question;
            this.literal = literal;
        }
    }

    /**
     * Parses a condition; null after reporting errors.
     */
    Condition condition(final ScalarNode scalar)
    {
        node = scalar;
        text = scalar.getValue();
        position = 0;
        failed = false;
        advance();
        if (END == tokenType)
        {
            error(0, "the condition is empty");
            return null;
        }
        final Condition condition = or();
        if (!failed && END != tokenType)
        {
            error(tokenStart, "unexpected '" + token + "': expected and, or, or the end of the condition");
        }
        return failed ? null : condition;
    }

    /**
     * Parses a summary template with {@code {answers.x}} and {@code {lead.y}} references; null after errors.
     */
    Template template(final ScalarNode scalar)
    {
        node = scalar;
        final String value = scalar.getValue();
        final List<String> literals = new ArrayList<>();
        final List<Operand> references = new ArrayList<>();
        boolean ok = true;
        int from = 0;
        while (true)
        {
            final int open = value.indexOf('{', from);
            if (open < 0)
            {
                literals.add(value.substring(from));
                references.add(null);
                break;
            }
            final int close = value.indexOf('}', open);
            if (close < 0)
            {
                problems.add(scalar, open, "'{' is not closed with '}'");
                return null;
            }
            literals.add(value.substring(from, open));
            final String name = value.substring(open + 1, close).trim();
            final Operand reference = reference(name, open + 1);
            ok &= null != reference;
            references.add(reference);
            from = close + 1;
        }
        return ok ? new Template(literals.toArray(new String[0]), references.toArray(new Operand[0])) : null;
    }

    /**
     * Resolves {@code answers.x} or {@code lead.y} found at an offset of the scalar; null after an error.
     */
    Operand reference(final ScalarNode scalar, final String name, final int offset)
    {
        node = scalar;
        return reference(name, offset);
    }

    /**
     * The question index of an {@code answers.x} reference, else -1 after an error.
     */
    int answerReference(final ScalarNode scalar)
    {
        node = scalar;
        final String name = scalar.getValue().trim();
        if (!name.startsWith(ANSWERS))
        {
            problems.add(scalar, "expected answers.<question>, found '" + name + "'");
            return -1;
        }
        return null == reference(name, 0) ? -1 : scope.questionIndex(name.substring(ANSWERS.length()));
    }

    private Operand reference(final String name, final int offset)
    {
        if (name.startsWith(ANSWERS))
        {
            final String id = name.substring(ANSWERS.length());
            final int index = scope.questionIndex(id);
            if (index < 0)
            {
                problems.add(node, offset, "unknown question '" + id + "' in " + name);
                return null;
            }
            return new Operand.Answer(index);
        }
        if (name.startsWith(LEAD))
        {
            final String field = name.substring(LEAD.length());
            final int index = scope.leadFieldIndex(field);
            if (index < 0)
            {
                problems.add(node, offset, "lead field '" + field + "' is not declared in lead_fields");
                return null;
            }
            return new Operand.Lead(index);
        }
        problems.add(node, offset, "unknown reference '" + name + "': use answers.<question> or lead.<field>");
        return null;
    }

    private Condition or()
    {
        Condition left = and();
        while (!failed && isWord("or"))
        {
            advance();
            final Condition right = and();
            left = failed ? null : new Condition.Or(left, right);
        }
        return left;
    }

    private Condition and()
    {
        Condition left = unary();
        while (!failed && isWord("and"))
        {
            advance();
            final Condition right = unary();
            left = failed ? null : new Condition.And(left, right);
        }
        return left;
    }

    private Condition unary()
    {
        if (isWord("not"))
        {
            advance();
            final Condition inner = unary();
            return failed ? null : new Condition.Not(inner);
        }
        if (PUNCT == tokenType && "(".equals(token))
        {
            final int open = tokenStart;
            advance();
            final Condition inner = or();
            if (!failed && !(PUNCT == tokenType && ")".equals(token)))
            {
                error(open, "'(' is not closed with ')'");
            }
            advance();
            return failed ? null : inner;
        }
        return comparison();
    }

    private Condition comparison()
    {
        final Term left = term();
        if (failed)
        {
            return null;
        }
        if (OP == tokenType)
        {
            final int opStart = tokenStart;
            final int op = operator(token);
            advance();
            final Term right = term();
            return failed ? null : compare(left, op, right, opStart);
        }
        if (isWord("between"))
        {
            advance();
            final Term low = term();
            if (!failed && !isWord("and"))
            {
                error(tokenStart, "expected 'and' in 'between <low> and <high>'");
            }
            advance();
            final Term high = failed ? null : term();
            return failed ? null : between(left, low, high);
        }
        boolean negate = false;
        if (isWord("not"))
        {
            negate = true;
            advance();
        }
        if (isWord("in"))
        {
            advance();
            final ValueSet set = set(left);
            if (failed)
            {
                return null;
            }
            final Condition in = new Condition.In(left.operand, set);
            return negate ? new Condition.Not(in) : in;
        }
        error(END == tokenType ? text.length() : tokenStart,
            "expected a comparison (==, !=, <, <=, >, >=), 'between' or 'in' after '" + left.text + "'");
        return null;
    }

    private Term term()
    {
        if (WORD != tokenType && STRING != tokenType)
        {
            error(END == tokenType ? text.length() : tokenStart, END == tokenType ?
                "the condition ends too early: expected a value" : "expected a value, found '" + token + "'");
            return null;
        }
        final String word = token;
        final int start = tokenStart;
        final boolean quoted = STRING == tokenType;
        advance();
        if (!quoted && (word.startsWith(ANSWERS) || word.startsWith(LEAD) ||
            (word.indexOf('.') > 0 && Double.isNaN(Values.number(word)))))
        {
            final Operand reference = reference(word, start);
            if (null == reference)
            {
                failed = true;
                return null;
            }
            final int question = word.startsWith(ANSWERS) ? scope.questionIndex(word.substring(ANSWERS.length())) : -1;
            return new Term(reference, word, start, question, false);
        }
        return new Term(new Operand.Literal(word), word, start, -1, true);
    }

    private Condition compare(final Term left, final int op, final Term right, final int opStart)
    {
        if (left.literal && right.literal)
        {
            error(left.offset, "compares two fixed values: use answers.<question> or lead.<field> on one side");
            return null;
        }
        final boolean ordering = Condition.EQ != op && Condition.NE != op;
        if (!checkSide(left, right, ordering) || !checkSide(right, left, ordering))
        {
            failed = true;
            return null;
        }
        return new Condition.Compare(left.operand, op, right.operand);
    }

    private boolean checkSide(final Term answer, final Term other, final boolean ordering)
    {
        if (ordering && other.literal && Double.isNaN(Values.number(other.text)))
        {
            problems.add(node, other.offset, "'" + other.text + "' is not a number: <, <=, > and >= need numbers");
            return false;
        }
        if (answer.question < 0)
        {
            return true;
        }
        final AnswerKind kind = scope.questionKind(answer.question);
        if (AnswerKind.DIGITS == kind)
        {
            if (other.literal && Double.isNaN(Values.number(other.text)))
            {
                problems.add(node, other.offset, answer.text + " is digits: it never equals '" + other.text + "'");
                return false;
            }
            return true;
        }
        if (ordering)
        {
            problems.add(node, answer.offset, answer.text + " is " + describe(answer.question) +
                ", not a number: use == or != or 'in'");
            return false;
        }
        if (other.literal && !scope.choiceValues(answer.question).contains(other.text))
        {
            problems.add(node, other.offset, answer.text + " is " + describe(answer.question) + ": '" +
                other.text + "' never matches");
            return false;
        }
        return true;
    }

    private String describe(final int question)
    {
        return (AnswerKind.CHOICE == scope.questionKind(question) ? "a keypad choice" : "a spoken yes/no") +
            " (" + String.join(", ", scope.choiceValues(question)) + ")";
    }

    private Condition between(final Term value, final Term low, final Term high)
    {
        if (value.literal)
        {
            error(value.offset, "'between' needs answers.<question> or lead.<field> before it");
            return null;
        }
        if (value.question >= 0 && AnswerKind.DIGITS != scope.questionKind(value.question))
        {
            error(value.offset, value.text + " is " + describe(value.question) + ", not a number");
            return null;
        }
        for (final Term bound : new Term[]{low, high})
        {
            if (!bound.literal || Double.isNaN(Values.number(bound.text)))
            {
                error(bound.offset, "'between' bounds must be numbers, found '" + bound.text + "'");
                return null;
            }
        }
        final double lo = Values.number(low.text);
        final double hi = Values.number(high.text);
        if (lo > hi)
        {
            error(low.offset, "the range is empty: " + low.text + " is more than " + high.text);
            return null;
        }
        return new Condition.Between(value.operand, lo, hi);
    }

    private ValueSet set(final Term value)
    {
        if (value.literal)
        {
            error(value.offset, "'in' needs answers.<question> or lead.<field> before it");
            return null;
        }
        if (PUNCT == tokenType && "[".equals(token))
        {
            final int open = tokenStart;
            final List<String> values = new ArrayList<>();
            advance();
            while (!failed && (WORD == tokenType || STRING == tokenType))
            {
                values.add(token);
                advance();
                if (PUNCT == tokenType && ",".equals(token))
                {
                    advance();
                }
            }
            if (!failed && !(PUNCT == tokenType && "]".equals(token)))
            {
                error(END == tokenType ? open : tokenStart, "the list opened with '[' is not closed with ']'");
                return null;
            }
            advance();
            return failed ? null : new ValueSet(values);
        }
        if (WORD == tokenType)
        {
            final ValueSet set = scope.list(token);
            if (null == set)
            {
                error(tokenStart, "unknown list '" + token + "': declare it under lists");
                return null;
            }
            advance();
            return set;
        }
        error(END == tokenType ? text.length() : tokenStart, "expected [values] or a list name after 'in'");
        return null;
    }

    private static int operator(final String op)
    {
        switch (op)
        {
            case "!=":
                return Condition.NE;
            case "<":
                return Condition.LT;
            case "<=":
                return Condition.LE;
            case ">":
                return Condition.GT;
            case ">=":
                return Condition.GE;
            default:
                return Condition.EQ;
        }
    }

    private boolean isWord(final String word)
    {
        return WORD == tokenType && word.equals(token);
    }

    private void error(final int offset, final String message)
    {
        if (!failed)
        {
            problems.add(node, offset, message);
            failed = true;
        }
    }

    private static boolean isWordChar(final char c)
    {
        return Character.isLetterOrDigit(c) || '_' == c || '.' == c || '-' == c;
    }

    private void advance()
    {
        while (position < text.length() && Character.isWhitespace(text.charAt(position)))
        {
            position++;
        }
        tokenStart = position;
        if (position >= text.length())
        {
            tokenType = END;
            token = "";
            return;
        }
        final char c = text.charAt(position);
        if (isWordChar(c))
        {
            while (position < text.length() && isWordChar(text.charAt(position)))
            {
                position++;
            }
            tokenType = WORD;
            token = text.substring(tokenStart, position);
        }
        else if ('\'' == c || '"' == c)
        {
            final int close = text.indexOf(c, position + 1);
            if (close < 0)
            {
                error(position, "the quote " + c + " is not closed");
                tokenType = END;
                token = "";
                position = text.length();
                return;
            }
            tokenType = STRING;
            token = text.substring(position + 1, close);
            position = close + 1;
        }
        else if ('=' == c || '!' == c || '<' == c || '>' == c)
        {
            position++;
            if (position < text.length() && '=' == text.charAt(position))
            {
                position++;
            }
            token = text.substring(tokenStart, position);
            if ("!".equals(token))
            {
                error(tokenStart, "'!' alone is not an operator: use != or not");
            }
            tokenType = OP;
        }
        else
        {
            position++;
            tokenType = PUNCT;
            token = String.valueOf(c);
        }
    }
}
