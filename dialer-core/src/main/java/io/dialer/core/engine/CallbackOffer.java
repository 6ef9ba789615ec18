/*
 * Dialer core.
 */
package io.dialer.core.engine;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.qualification.CallbackTime;

/**
 * The callback a caller is offered when the warm transfer returns them (no closer took the call, the hold limit):
 * after the apology, a key picks a callback time, which the dialer resolves in the caller's zone like a script's
 * callback answer ({@link CallbackTime}). The campaign file sets the choices ({@code callback_offer}); the default is
 * 1 for this evening and 2 for tomorrow morning. No key within {@link #KEY_TIMEOUT_MS} of the end of the apology:
 * the call ends and the campaign's callback delay applies. With no choices, the apology only says the caller will
 * be called back, and the call ends.
 */
public final class CallbackOffer
{
    /** How long the caller has to press a key after the apology ends, ms. */
    static final long KEY_TIMEOUT_MS = 6_000;

    /** The default offer: 1 this evening, 2 tomorrow morning. */
    public static final CallbackOffer DEFAULT = new CallbackOffer(CampaignFile.defaultCallbackOffer());

    /** No offer. */
    public static final CallbackOffer NONE = new CallbackOffer(new String[10]);

    private final String[] byDigit;
    private final int count;

    /**
     * An offer.
     *
     * @param byDigit the callback time of each key 0-9 (index = digit), null for keys that pick nothing; each must
     *                be a time {@link CallbackTime} understands.
     * @throws IllegalArgumentException when a choice is not a callback time or the array is not 10 long.
     */
    public CallbackOffer(final String[] byDigit)
    {
        if (10 != byDigit.length)
        {
            throw new IllegalArgumentException("one entry per digit 0-9 expected, found " + byDigit.length);
        }
        int choices = 0;
        for (final String choice : byDigit)
        {
            final String problem = null == choice ? null : CallbackTime.problem(choice);
            if (null != problem)
            {
                throw new IllegalArgumentException(problem);
            }
            choices += null == choice ? 0 : 1;
        }
        this.byDigit = byDigit.clone();
        this.count = choices;
    }

    /**
     * @return true when the offer has no choice.
     */
    public boolean isEmpty()
    {
        return 0 == count;
    }

    /**
     * The callback time a key picks.
     *
     * @param key the caller's key.
     * @return the time, or null when the key picks none.
     */
    String choice(final char key)
    {
        return key >= '0' && key <= '9' ? byDigit[key - '0'] : null;
    }

    /**
     * The apology and the offer, as spoken: "...Press 1 to be called back this evening, or 2 for tomorrow morning."
     *
     * @return the text.
     */
    public String apologyText()
    {
        final StringBuilder text = new StringBuilder("We are sorry, no agent is available right now. ");
        if (isEmpty())
        {
            return text.append("We will call you back soon. Goodbye.").toString();
        }
        int said = 0;
        for (int digit = 1; digit <= 10; digit++)
        {
            final int key = digit % 10; // 1-9, then 0
            if (null == byDigit[key])
            {
                continue;
            }
            if (0 == said)
            {
                text.append("Press ").append(key).append(" to be called back ").append(byDigit[key]);
            }
            else
            {
                text.append(said == count - 1 ? ", or " : ", ").append(key).append(" for ").append(byDigit[key]);
            }
            said++;
        }
        return text.append(". Otherwise, we will call you back later.").toString();
    }
}
