/*
 * Lead lists.
 */
package io.dialer.core.lead;

import java.util.Arrays;
import java.util.SplittableRandom;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhoneNormaliserTest
{
    @Test
    void shouldAgreeWithLibphonenumberOnTheNorthAmericanFastPath() throws NumberParseException
    {
        final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        final PhoneNumberToTimeZonesMapper mapper = PhoneNumberToTimeZonesMapper.getInstance();
        final PhoneNormaliser normaliser = new PhoneNormaliser("US");
        final PhoneNormaliser.Info[] info = new PhoneNormaliser.Info[1];
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++)
        {
            final long national = 2_000_000_000L + random.nextLong(8_000_000_000L);
            final String text = String.valueOf(national);
            final PhoneNumber number = util.parse(text, "US");
            final boolean valid = util.isValidNumber(number);

            final long e164 = normaliser.normalise(text, info);

            assertEquals(valid, e164 > 0, text);
            if (valid)
            {
                assertEquals(10_000_000_000L + national, e164, text);
                final String[] zones = mapper.getTimeZonesForNumber(number).toArray(new String[0]);
                assertEquals(Arrays.toString(zones), Arrays.toString(info[0].zones), text);
            }
        }
    }

    @Test
    void shouldReadStatesFromGeocoderDescriptions()
    {
        assertEquals("TX", PhoneNormaliser.state("Dallas, TX"));
        assertEquals("TX", PhoneNormaliser.state("Texas"));
        assertEquals("ON", PhoneNormaliser.state("Ontario"));
        assertEquals(null, PhoneNormaliser.state(""));
    }
}
