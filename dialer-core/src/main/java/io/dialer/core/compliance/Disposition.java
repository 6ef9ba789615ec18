/*
 * Dialer core: compliance.
 */
package io.dialer.core.compliance;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a call ended; each call ends with exactly one. {@link #isFinal()} is the default retry policy, which
 * {@link RetryPolicy} can override per campaign.
 */
public enum Disposition
{
    /** Rang out: nobody answered before the ring timeout. */
    NO_ANSWER(false),
    /** The callee's line was busy. */
    BUSY(false),
    /** The call failed before answer for another reason (SIP cause recorded by the caller). */
    FAILED(false),
    /** The number does not exist or cannot be reached. */
    INVALID_NUMBER(true),
    /** An answering machine answered and no message was left. */
    MACHINE(false),
    /** An answering machine answered and a message was left. */
    MESSAGE_LEFT(true),
    /** The person hung up before the end of the script. */
    HUNG_UP(false),
    /** The person did not qualify. */
    DISQUALIFIED(true),
    /** The person asked not to be called again: the number goes on the do-not-call list. */
    OPTED_OUT(true),
    /** The person asked to be called back at a given time. */
    CALLBACK(false),
    /** The person was handed to a closer. */
    TRANSFERRED(true),
    /** A person answered and was not connected in time (safe-harbor message played). */
    ABANDONED(false);

    private static final Disposition[] VALUES = values();

    private final boolean isFinal;

    Disposition(final boolean isFinal)
    {
        this.isFinal = isFinal;
    }

    /**
     * Whether the lead is done after this disposition by default (never dialed again).
     *
     * @return true when final by default.
     */
    public boolean isFinal()
    {
        return isFinal;
    }

    /**
     * The key naming this disposition in configuration ({@code retries.delays}): the name in lower case, e.g.
     * {@code no_answer}.
     *
     * @return the key.
     */
    public String configKey()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The disposition named by a configuration key ({@code no_answer}, case-insensitive).
     *
     * @param key the key.
     * @return the disposition.
     * @throws IllegalArgumentException naming the valid keys when there is none by that name.
     */
    public static Disposition fromConfigKey(final String key)
    {
        for (final Disposition disposition : VALUES)
        {
            if (disposition.name().equalsIgnoreCase(key == null ? "" : key.trim()))
            {
                return disposition;
            }
        }

        throw new IllegalArgumentException("unknown disposition '" + key + "', expected one of " +
            Arrays.toString(VALUES).toLowerCase(Locale.ROOT));
    }

    /**
     * The disposition with the given ordinal, without allocating.
     *
     * @param ordinal of the disposition.
     * @return the disposition.
     */
    public static Disposition get(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
