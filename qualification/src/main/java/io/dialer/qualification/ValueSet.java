/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.agrona.collections.LongHashSet;

/**
 * A set of values (a service-area list): strings of digits by their exact digit key, other values as strings, so that
 * a lookup allocates nothing.
 */
final class ValueSet
{
    private final LongHashSet digitKeys = new LongHashSet();
    private final Set<String> texts = new HashSet<>();

    ValueSet(final List<String> values)
    {
        for (final String value : values)
        {
            final long key = Values.digitKey(value);
            if (Values.NO_KEY != key)
            {
                digitKeys.add(key);
            }
            else
            {
                texts.add(value);
            }
        }
    }

    boolean contains(final Operand operand, final Conversation c)
    {
        final long key = operand.digitKey(c);
        if (Values.NO_KEY != key)
        {
            return digitKeys.contains(key);
        }
        return texts.contains(operand.text(c));
    }
}
