/*
 * Dialer SIPp interop.
 */
package io.dialer.sip.sipp;

import io.dialer.sip.CallLeg;
import io.dialer.sip.DialRequest;
import io.dialer.sip.EndCause;
import io.dialer.sip.Registrar;
import io.dialer.sip.SipStack;
import io.dialer.sip.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The registrar against SIPp as the softphone, over real sockets on loopback: SIPp REGISTERs with digest
 * authentication (its {@code [authentication]} keyword) and is bound; a wrong password is challenged again, then
 * refused; the stack then dials the registered extension and another SIPp, listening on the registered Contact,
 * answers. Each passes only when both sides agree: the registrar's events and SIPp's exit code.
 */
final class RegistrarSippTest
{
    private static final Duration SIPP_WAIT = Duration.ofSeconds(20);
    private static final long EVENT_WAIT_MS = 10_000;
    private static final String REALM = "dialer.test";
    private static final String EXTENSION = "1001";
    private static final String PASSWORD = "s3cret";

    @TempDir
    Path phoneDir;

    @TempDir
    Path calleeDir;

    private SipStack stack;
    private final RegistrationEvents events = new RegistrationEvents();

    @BeforeEach
    void requireSipp()
    {
        assumeTrue(Sipp.available(), Sipp.SKIP_REASON);
    }

    @AfterEach
    void closeStack()
    {
        if (null != stack)
        {
            stack.close();
        }
    }

    @Test
    @Timeout(60)
    void shouldRegisterWithDigestThenReceiveTheCallDialedToTheExtension() throws Exception
    {
        // a trunk that is not there: the extension's call must not go through it
        stack = launchStack(new SipStack.Context().outboundProxy("sip:127.0.0.1:" + Sipp.freeUdpPort()));
        try (Sipp callee = Sipp.launch(new Sipp.Context().scenario("uas_answer.xml").workDir(calleeDir)
            .timeoutSeconds(30)))
        {
            callee.awaitListening(SIPP_WAIT);
            final Sipp.Result registered = register("uac_register.xml", PASSWORD, "300", callee.port(), "u1");
            assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, registered.exitCode(), registered::describe);
            assertEquals(List.of(401, 200), registered.responsesReceived());
            assertTrue(registered.messages().contains(";expires=300"), "granted interval in the 200's Contact");

            final String contact = "sip:" + EXTENSION + "@127.0.0.1:" + callee.port() + ";transport=UDP";
            assertEquals("registered " + EXTENSION + " " + contact, events.await(EVENT_WAIT_MS));
            final Registrar registrar = stack.registrar();
            assertTrue(registrar.registered(EXTENSION));
            assertEquals(contact, registrar.contact(EXTENSION));

            final CallEvents call = new CallEvents();
            final CallLeg leg = stack.dial(new DialRequest(registrar.contact(EXTENSION)).direct(true), call);
            call.await(CallEvents.Type.ANSWERED, EVENT_WAIT_MS);
            leg.hangup();
            assertEquals(EndCause.LOCAL, call.await(CallEvents.Type.ENDED, EVENT_WAIT_MS).endCause());

            final Sipp.Result answered = callee.awaitExit(SIPP_WAIT);
            assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, answered.exitCode(), answered::describe);
            assertTrue(answered.messages().contains("INVITE " + contact), "the INVITE went to the Contact");
        }
    }

    @Test
    @Timeout(60)
    void shouldChallengeAWrongPasswordAgainThenRefuseIt() throws Exception
    {
        stack = launchStack(new SipStack.Context());

        final Sipp.Result refused = register("uac_register_refused.xml", "not-" + PASSWORD, "300", 0, "u1");

        assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, refused.exitCode(), refused::describe);
        assertEquals(List.of(401, 401, 403), refused.responsesReceived());
        assertFalse(stack.registrar().registered(EXTENSION));
        assertEquals(0, events.pending());
    }

    @Test
    @Timeout(60)
    void shouldRegisterOverTcp() throws Exception
    {
        stack = launchStack(new SipStack.Context());

        final Sipp.Result registered = register("uac_register.xml", PASSWORD, "300", 0, "t1");

        assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, registered.exitCode(), registered::describe);
        assertEquals(List.of(401, 200), registered.responsesReceived());
        assertTrue(events.await(EVENT_WAIT_MS).endsWith(";transport=TCP"));
    }

    @Test
    @Timeout(60)
    void shouldReportThePhonesUnregistration() throws Exception
    {
        stack = launchStack(new SipStack.Context());

        final Sipp.Result result = register("uac_register_unregister.xml", PASSWORD, "300", 0, "u1");

        assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, result.exitCode(), result::describe);
        assertEquals(List.of(401, 200, 200), result.responsesReceived());
        assertTrue(events.await(EVENT_WAIT_MS).startsWith("registered " + EXTENSION + " "));
        assertEquals("unregistered " + EXTENSION + " UNREGISTERED", events.await(EVENT_WAIT_MS));
        assertNull(stack.registrar().contact(EXTENSION));
    }

    @Test
    @Timeout(60)
    void shouldExpireABindingNotRefreshedOnTheStacksTimer() throws Exception
    {
        stack = launchStack(new SipStack.Context());

        final Sipp.Result registered = register("uac_register.xml", PASSWORD, "1", 0, "u1");

        assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, registered.exitCode(), registered::describe);
        assertTrue(events.await(EVENT_WAIT_MS).startsWith("registered " + EXTENSION + " "));
        assertEquals("unregistered " + EXTENSION + " EXPIRED", events.await(EVENT_WAIT_MS));
        assertFalse(stack.registrar().registered(EXTENSION));
    }

    private SipStack launchStack(final SipStack.Context context)
    {
        final SipStack launched = SipStack.launch(context
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .transports(Transport.UDP, Transport.TCP)
            .threadPoolSize(2)
            .registrar(new Registrar.Context()
                .realm(REALM)
                .maxFailures(2)
                .minExpiresS(1)
                .expiryCheckIntervalMs(50)));
        launched.registrar()
            .listener(events)
            .credentials(EXTENSION, Registrar.ha1(EXTENSION, REALM, PASSWORD));
        return launched;
    }

    private Sipp.Result register(
        final String scenario, final String password, final String expires, final int contactPort,
        final String transport) throws IOException, InterruptedException
    {
        try (Sipp phone = Sipp.launch(new Sipp.Context()
            .scenario(scenario)
            .workDir(phoneDir)
            .transport(transport)
            .remote("127.0.0.1:" + stack.port())
            .service(EXTENSION)
            .auth(EXTENSION, password)
            .key("expires", expires)
            .key("contact_port", Integer.toString(contactPort))
            .timeoutSeconds(15)))
        {
            return phone.awaitExit(SIPP_WAIT);
        }
    }
}
