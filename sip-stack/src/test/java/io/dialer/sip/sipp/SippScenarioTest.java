/*
 * Dialer SIPp interop.
 */
package io.dialer.sip.sipp;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The repository's scenarios against SIPp itself (no dialer code): each UAS scenario with a UAC counterpart from
 * {@code sipp/selftest/}, so a failing interop test points at the stack, not at a broken scenario, and the harness
 * ({@link Sipp}) is checked on its own: exit codes, counts, ports, hard timeout.
 */
final class SippScenarioTest
{
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path uasDir;

    @TempDir
    Path uacDir;

    @BeforeEach
    void requireSipp()
    {
        assumeTrue(Sipp.available(), Sipp.SKIP_REASON);
    }

    @Test
    @Timeout(30)
    void shouldAnswerWithMediaAndEndOnBye() throws Exception
    {
        assumeTrue(Sipp.canPlayPcap(), "SIPp play_pcap_audio needs root or CAP_NET_RAW: media scenario skipped");
        SippMedia.writeTonesAndKeysPcap(uasDir.resolve("media.pcap"), 1000, 400, "12#", 100, 60);
        SippMedia.writeUlawTone(uacDir.resolve("tone.ulaw"), 1000, 1000);

        pair("uas_answer_media.xml", new Sipp.Context(), "uac_call_media.xml", new Sipp.Context().pauseMs(1000));
    }

    @Test
    @Timeout(30)
    void shouldRejectBusy() throws Exception
    {
        pair("uas_busy.xml", new Sipp.Context(), "selftest/uac_expect_busy.xml", new Sipp.Context());
    }

    @Test
    @Timeout(30)
    void shouldRingUntilCancelled() throws Exception
    {
        pair("uas_ring_cancel.xml", new Sipp.Context(), "selftest/uac_cancel.xml", new Sipp.Context());
    }

    @Test
    @Timeout(30)
    void shouldAcceptValidDigest() throws Exception
    {
        pair("uas_auth.xml", authKeys(), "selftest/uac_auth.xml", new Sipp.Context().auth("alice", "s3cret"));
    }

    @Test
    @Timeout(30)
    void shouldCountWrongDigestAsFailedCall() throws Exception
    {
        try (Sipp uas = Sipp.launch(authKeys().scenario("uas_auth.xml").workDir(uasDir).timeoutSeconds(15)))
        {
            uas.awaitListening(WAIT);
            try (Sipp uac = Sipp.launch(new Sipp.Context()
                .scenario("selftest/uac_auth.xml")
                .workDir(uacDir)
                .remote(uas.hostPort())
                .auth("alice", "wrong")
                .timeoutSeconds(15)))
            {
                final Sipp.Result uacResult = uac.awaitExit(WAIT);
                assertEquals(Sipp.EXIT_SOME_CALLS_FAILED, uacResult.exitCode(), uacResult::describe);
            }
            final Sipp.Result uasResult = uas.awaitExit(WAIT);
            assertEquals(Sipp.EXIT_SOME_CALLS_FAILED, uasResult.exitCode(), uasResult::describe);
            assertEquals(1, uasResult.failedCalls(), uasResult::describe);
            assertEquals(0, uasResult.successfulCalls(), uasResult::describe);
        }
    }

    @Test
    @Timeout(30)
    void shouldPingWithOptions() throws Exception
    {
        pair("selftest/uas_options.xml", new Sipp.Context(), "uac_options.xml", new Sipp.Context());
    }

    @Test
    @Timeout(60)
    void shouldAnswerLoadCallsAtRate() throws Exception
    {
        final int calls = 200;
        pair(
            "uas_load.xml", new Sipp.Context().calls(calls).traceMessages(false),
            "builtin:uac", new Sipp.Context().calls(calls).rate(200).pauseMs(10).traceMessages(false));
    }

    @Test
    @Timeout(30)
    void shouldDestroyOnHardTimeoutAndReportIt() throws Exception
    {
        try (Sipp uas = Sipp.launch(new Sipp.Context().scenario("uas_busy.xml").workDir(uasDir).timeoutSeconds(60)))
        {
            uas.awaitListening(WAIT);
            final Sipp.Result result = uas.awaitExit(Duration.ofMillis(300));
            assertEquals(Sipp.EXIT_DESTROYED, result.exitCode(), result::describe);
            assertEquals(false, uas.isAlive());
        }
    }

    @Test
    @Timeout(30)
    void shouldPickDistinctFreePorts() throws IOException
    {
        final int media = Sipp.freeMediaPort();
        assertEquals(0, media % 2);
        assertNotEquals(Sipp.freeUdpPort(), media);
        final Path copied = Sipp.copyScenario("selftest/uac_cancel.xml", uasDir);
        assertEquals(true, Files.isRegularFile(copied));
    }

    private static Sipp.Context authKeys()
    {
        return new Sipp.Context()
            .key("auth_user", "alice")
            .key("auth_password", "s3cret")
            .key("auth_realm", "dialer.test");
    }

    private void pair(
        final String uasScenario,
        final Sipp.Context uasContext,
        final String uacScenario,
        final Sipp.Context uacContext)
        throws Exception
    {
        try (Sipp uas = Sipp.launch(uasContext.scenario(uasScenario).workDir(uasDir).timeoutSeconds(20)))
        {
            uas.awaitListening(WAIT);
            try (Sipp uac = Sipp.launch(uacContext
                .scenario(uacScenario)
                .workDir(uacDir)
                .remote(uas.hostPort())
                .timeoutSeconds(20)))
            {
                final Sipp.Result uacResult = uac.awaitExit(WAIT);
                assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, uacResult.exitCode(), uacResult::describe);
                assertEquals(0, uacResult.failedCalls(), uacResult::describe);
            }
            final Sipp.Result uasResult = uas.awaitExit(WAIT);
            assertEquals(Sipp.EXIT_ALL_CALLS_SUCCESSFUL, uasResult.exitCode(), uasResult::describe);
            assertEquals(0, uasResult.failedCalls(), uasResult::describe);
        }
    }
}
