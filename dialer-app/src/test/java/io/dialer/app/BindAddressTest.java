/*
 * Dialer command line tests.
 */
package io.dialer.app;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BindAddressTest
{
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void shouldTakeTheHostOfEveryTrunkForm()
    {
        assertEquals("10.0.0.1", BindAddress.host("sip:10.0.0.1:5060"));
        assertEquals("10.0.0.1", BindAddress.host("10.0.0.1"));
        assertEquals("trunk.example.com", BindAddress.host("sip:acct@trunk.example.com:5080;transport=tcp"));
        assertEquals("2001:db8::1", BindAddress.host("[2001:db8::1]:5060"));
        assertEquals("trunk.example.com", BindAddress.host("SIPS:trunk.example.com"));
    }

    @Test
    void shouldBindTheRouteToTheTrunkWhenNotToldOrToldAWildcard()
    {
        assertEquals(LOOPBACK, BindAddress.choose(null, "127.0.0.1:5070", null));
        assertEquals(LOOPBACK, BindAddress.choose("0.0.0.0", null, "sip:carrier@127.0.0.1:5070"));
    }

    @Test
    void shouldKeepAConcreteBindAddress()
    {
        assertEquals(LOOPBACK, BindAddress.choose("127.0.0.1", "192.0.2.1", null));
    }

    @Test
    void shouldSayWhatToDoWhenThereIsNoTrunk()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> BindAddress.choose(null, null, null));
        assertEquals("the campaign names no trunk to find the local address by: give --bind ADDRESS (the address " +
            "the trunk reaches this machine at)", ex.getMessage());
    }
}
