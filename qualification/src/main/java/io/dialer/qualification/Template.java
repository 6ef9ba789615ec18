/*
 * Qualification scripts.
 */
package io.dialer.qualification;

/**
 * A compiled summary template: literal parts and references to answers and lead fields ({@code {lead.city}}).
 */
final class Template
{
    static final String MISSING = "?";

    private final String[] literals;
    private final Operand[] references;

    /**
     * Literal i is followed by reference i (null after the last literal).
     */
    Template(final String[] literals, final Operand[] references)
    {
        this.literals = literals;
        this.references = references;
    }

    String render(final Conversation c)
    {
        final StringBuilder builder = new StringBuilder(64);
        for (int i = 0; i < literals.length; i++)
        {
            builder.append(literals[i]);
            final Operand reference = references[i];
            if (null != reference)
            {
                builder.append(reference.present(c) ? reference.text(c) : MISSING);
            }
        }
        return builder.toString();
    }
}
