/*
 * Dialer core.
 */
package io.dialer.core.engine;

import io.dialer.qualification.CallbackTime;

/**
 * The callback a caller is offered when the warm transfer returns them (no closer took the call, the hold limit):
 * after the apology, key 1 or 2 picks a callback time, which the dialer resolves in the caller's zone like a script's
 * callback answer ({@link CallbackTime}). No key within {@link #KEY_TIMEOUT_MS} of the end of the apology: the call
 * ends and the campaign's callback delay applies.
 */
final class CallbackOffer
{
    /** How long the caller has to press a key after the apology ends, ms. */
    static final long KEY_TIMEOUT_MS = 6_000;

    /** The callback time of key 1, 2, ... */
    private static final String[] CHOICES = {"this evening", "tomorrow morning"};

    static
    {
        for (final String choice : CHOICES)
        {
            if (null != CallbackTime.problem(choice))
            {
                throw new ExceptionInInitializerError(CallbackTime.problem(choice));
            }
        }
    }

    private CallbackOffer()
    {
    }

    /**
     * The callback time a key picks.
     *
     * @param key the caller's key.
     * @return the time, or null when the key picks none.
     */
    static String choice(final char key)
    {
        final int index = key - '1';
        return index >= 0 && index < CHOICES.length ? CHOICES[index] : null;
    }

    /**
     * The apology and the offer, as spoken: "...Press 1 to be called back this evening, or 2 for tomorrow morning."
     *
     * @return the text.
     */
    static String apologyText()
    {
        final StringBuilder text = new StringBuilder("We are sorry, no agent is available right now. ");
        for (int i = 0; i < CHOICES.length; i++)
        {
            if (0 == i)
            {
                text.append("Press 1 to be called back ").append(CHOICES[0]);
            }
            else
            {
                text.append(i == CHOICES.length - 1 ? ", or " : ", ").append(i + 1).append(" for ").append(CHOICES[i]);
            }
        }
        return text.append(". Otherwise, we will call you back tomorrow.").toString();
    }
}
