/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloserDestinationTest
{
    private static final String HA1 = "4c5833381d37c07ecd3c54f9327542fa";
    private static final String TRUNK = "trunk.example.com:5060";

    @Test
    void shouldDialASipAddressAsItIs()
    {
        final CloserDestination dana = CloserDestination.sipUri("sip:dana@10.0.0.5:5070");

        assertEquals(CloserDestination.Kind.SIP_URI, dana.kind());
        assertEquals("sip:dana@10.0.0.5:5070", dana.requestUri(TRUNK, Map.<String, String>of()::get));
        assertFalse(dana.direct());
        assertNull(dana.sipPasswordHa1());
    }

    @Test
    void shouldDialAPhoneNumberThroughTheTrunkLikeALead()
    {
        final CloserDestination eric = CloserDestination.phone("+12145550199");

        assertEquals(CloserDestination.Kind.PHONE, eric.kind());
        assertEquals("sip:+12145550199@" + TRUNK, eric.requestUri(TRUNK, Map.<String, String>of()::get));
        assertFalse(eric.direct());
    }

    @Test
    void shouldDialAnExtensionAtItsRegisteredContactOnly()
    {
        final CloserDestination fay = CloserDestination.extension("ext:1001", HA1);
        final Map<String, String> registered = Map.of("1001", "sip:1001@192.168.1.20:5062;transport=udp");

        assertEquals(CloserDestination.Kind.EXTENSION, fay.kind());
        assertEquals("1001", fay.value());
        assertEquals("ext:1001", fay.toString());
        assertEquals(HA1, fay.sipPasswordHa1());
        assertTrue(fay.direct(), "not through the trunk");
        assertEquals("sip:1001@192.168.1.20:5062;transport=udp", fay.requestUri(TRUNK, registered::get));
        assertNull(fay.requestUri(TRUNK, Map.<String, String>of()::get), "not registered: nothing to dial");
        assertEquals(fay, CloserDestination.extension("pbx:1001", HA1.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void shouldRefuseMalformedValues()
    {
        assertThrows(IllegalArgumentException.class, () -> CloserDestination.sipUri("tel:+12145550199"));
        assertThrows(IllegalArgumentException.class, () -> CloserDestination.phone("2145550199"));
        assertThrows(IllegalArgumentException.class, () -> CloserDestination.extension("10 01", HA1));
        assertThrows(IllegalArgumentException.class, () -> CloserDestination.extension("1001", "secret"));
        assertThrows(IllegalArgumentException.class, () -> CloserDestination.extension("1001", null));
    }
}
