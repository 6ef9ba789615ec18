/*
 * Dialer core.
 */
package io.dialer.core.compliance;

import java.util.Objects;

/**
 * A campaign's abandonment rule ({@code abandonment:} in the campaign file): a call answered by a person is abandoned
 * when neither the script's first audio nor a closer reaches the person within {@link #maxDelayMs} of the end of the
 * person's completed greeting; the safe-harbor message then names the seller and a call-back number; the rate of such
 * calls over the window must stay at or under {@link #targetRate}. Immutable.
 *
 * @param maxDelayMs     the most time from the greeting's end to the first audio, ms (default 2,000).
 * @param seller         the seller's name the safe-harbor message speaks.
 * @param callbackNumber the call-back number it speaks, E.164.
 * @param targetRate     the highest rate of abandoned calls allowed, a fraction (default 0.03).
 * @param ruleBasis      the rule the proof records cite.
 */
public record AbandonmentRule(
    long maxDelayMs, String seller, String callbackNumber, double targetRate, String ruleBasis)
{
    /** Default {@code max_delay_ms}: 2 s from the end of the greeting. */
    public static final long MAX_DELAY_DEFAULT_MS = 2_000;
    /** Default {@code target_rate}: 3 % of the calls answered by a person. */
    public static final double TARGET_RATE_DEFAULT = 0.03;
    /** Default {@code rule_basis}: the US Telemarketing Sales Rule's call abandonment safe harbor. */
    public static final String RULE_BASIS_DEFAULT = "TSR 310.4(b)(4): 2 s, 3 % per 30 days";

    /**
     * Checks the values.
     */
    public AbandonmentRule
    {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(callbackNumber, "callbackNumber");
        Objects.requireNonNull(ruleBasis, "ruleBasis");
        if (maxDelayMs <= 0)
        {
            throw new IllegalArgumentException("maxDelayMs must be above 0: " + maxDelayMs);
        }
        if (!(targetRate >= 0 && targetRate < 1))
        {
            throw new IllegalArgumentException("targetRate must be from 0 to below 1: " + targetRate);
        }
    }

    /**
     * The rule with its defaults for a seller and a call-back number.
     *
     * @param seller         the seller's name.
     * @param callbackNumber the call-back number.
     * @return the rule.
     */
    public static AbandonmentRule defaults(final String seller, final String callbackNumber)
    {
        return new AbandonmentRule(MAX_DELAY_DEFAULT_MS, seller, callbackNumber, TARGET_RATE_DEFAULT,
            RULE_BASIS_DEFAULT);
    }

    /**
     * The safe-harbor message's text: the seller's name and the call-back number, digit by digit after the country
     * code for speech ({@code +12145550100} is spoken "2 1 4, 5 5 5, 0 1 0 0" for a NANP number).
     *
     * @return the text.
     */
    public String safeHarborText()
    {
        return "Hello, this is " + seller + ". We are sorry we could not connect your call. To reach us, or to ask " +
            "not to be called again, please call " + spoken(callbackNumber) + ". Again, that is " +
            spoken(callbackNumber) + ". Goodbye.";
    }

    private static String spoken(final String e164)
    {
        final String digits = e164.startsWith("+1") && 12 == e164.length() ? e164.substring(2) :
            e164.startsWith("+") ? e164.substring(1) : e164;
        final StringBuilder text = new StringBuilder(digits.length() * 2 + 4);
        for (int i = 0; i < digits.length(); i++)
        {
            if (i > 0)
            {
                text.append(10 == digits.length() && (3 == i || 6 == i) ? ", " : " ");
            }
            text.append(digits.charAt(i));
        }
        return text.toString();
    }
}
