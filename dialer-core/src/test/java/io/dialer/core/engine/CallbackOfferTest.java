/*
 * Dialer core.
 */
package io.dialer.core.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackOfferTest
{
    @Test
    void shouldSayTheDefaultOffer()
    {
        assertEquals("We are sorry, no agent is available right now. Press 1 to be called back this evening, or 2 " +
            "for tomorrow morning. Otherwise, we will call you back later.", CallbackOffer.DEFAULT.apologyText());
        assertEquals("this evening", CallbackOffer.DEFAULT.choice('1'));
        assertEquals("tomorrow morning", CallbackOffer.DEFAULT.choice('2'));
        assertNull(CallbackOffer.DEFAULT.choice('3'));
        assertNull(CallbackOffer.DEFAULT.choice('#'));
    }

    @Test
    void shouldSayKeysInKeypadOrderWithZeroLast()
    {
        final String[] byDigit = new String[10];
        byDigit[0] = "in 2 hours";
        byDigit[3] = "friday afternoon";
        byDigit[1] = "tomorrow 0900";
        assertEquals("We are sorry, no agent is available right now. Press 1 to be called back tomorrow 0900, 3 " +
            "for friday afternoon, or 0 for in 2 hours. Otherwise, we will call you back later.",
            new CallbackOffer(byDigit).apologyText());
    }

    @Test
    void shouldOfferNothingWhenEmpty()
    {
        assertTrue(CallbackOffer.NONE.isEmpty());
        assertEquals("We are sorry, no agent is available right now. We will call you back soon. Goodbye.",
            CallbackOffer.NONE.apologyText());
    }

    @Test
    void shouldRefuseATimeItCannotResolve()
    {
        final String[] byDigit = new String[10];
        byDigit[1] = "next week";
        assertThrows(IllegalArgumentException.class, () -> new CallbackOffer(byDigit));
    }
}
