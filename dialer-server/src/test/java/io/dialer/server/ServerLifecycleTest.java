/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerLifecycleTest
{
    @TempDir
    Path dir;

    @Test
    void shouldKeepEverythingAcrossARestartAndACrashsLeftovers() throws IOException
    {
        final byte[] csv = Files.readAllBytes(LeadListApiTest.EXAMPLES.resolve("leads-sample.csv"));
        final byte[] script = Files.readAllBytes(LeadListApiTest.EXAMPLES.resolve("auto-insurance.yaml"));
        final byte[] closers = Files.readAllBytes(LeadListApiTest.EXAMPLES.resolve("closers.yaml"));
        final String leadListId;
        final String scriptId;
        final String closersId;
        final String secret;
        try (TestServer test = TestServer.start(dir))
        {
            final Client admin = test.admin();
            admin.post("/api/users", Map.of("name", "mia", "role", "manager", "password", "mia-password-12"));
            secret = admin.post("/api/tokens", Map.of("name", "cron")).json().path("token").asText();
            leadListId = admin.upload("/api/lead-lists?name=a.csv", "text/csv", csv).json().path("id").asText();
            scriptId = admin.upload("/api/scripts", "application/yaml", script).json().path("id").asText();
            closersId = admin.upload("/api/closers-files", "application/yaml", closers).json().path("id").asText();
        }
        // what kill -9 in the middle of writes leaves: temporaries next to the files they were to replace
        Files.writeString(dir.resolve(".tmp-users.json-abcdefghijkl"), "{\"users\": [");
        Files.createDirectories(dir.resolve("lead-lists/.tmp-abcdefghijkl")).resolve("leads.csv");
        Files.writeString(dir.resolve("lead-lists/.tmp-abcdefghijkl/leads.csv"), "phone\n214");
        Files.createDirectories(dir.resolve("scripts/.tmp-deleted-abcdefghijkl"));

        try (TestServer test = TestServer.start(dir))
        {
            final Client mia = new Client(test).login("mia", "mia-password-12");
            assertArrayEquals(csv, mia.get("/api/lead-lists/" + leadListId + "/file").body);
            assertArrayEquals(script, mia.get("/api/scripts/" + scriptId + "/file").body);
            assertArrayEquals(closers, mia.get("/api/closers-files/" + closersId + "/file").body);
            assertEquals(20, mia.get("/api/lead-lists/" + leadListId).json().path("leads").asInt());
            assertEquals(1, mia.get("/api/lead-lists").json().path("leadLists").size());
            assertEquals(200, test.anonymous().bearer(secret).get("/api/session").status);
            assertFalse(Files.exists(dir.resolve(".tmp-users.json-abcdefghijkl")));
            assertFalse(Files.exists(dir.resolve("lead-lists/.tmp-abcdefghijkl")));
            assertFalse(Files.exists(dir.resolve("scripts/.tmp-deleted-abcdefghijkl")));
            assertEquals(401, mia.bearer("dlr_x").get("/api/session").status);
        }
    }

    @Test
    void shouldRefuseToStartWithoutUsersAndSayHowToInit() throws IOException
    {
        try (DialerServer server = new DialerServer(TestServer.context(dir)))
        {
            final IllegalStateException refused = assertThrows(IllegalStateException.class, server::start);
            assertTrue(refused.getMessage().contains("dialer serve --init --data"), refused.getMessage());
        }
    }

    @Test
    void shouldRefuseASecondServerOnTheSameDirectory()
    {
        try (TestServer test = TestServer.start(dir))
        {
            final IOException refused = assertThrows(IOException.class,
                () -> new DialerServer(TestServer.context(dir)));
            assertTrue(refused.getMessage().contains("in use"), refused.getMessage());
        }
    }

    @Test
    void shouldLeaveNoNonDaemonThreadAfterClose() throws InterruptedException
    {
        final Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        final int port;
        try (TestServer test = TestServer.start(dir))
        {
            port = test.server.port();
            final Client admin = test.admin();
            admin.upload("/api/lead-lists", "text/csv", "phone\n2145550123\n");
            admin.get("/metrics");
            admin.get("/");
        }
        final List<Thread> left = Thread.getAllStackTraces().keySet().stream()
            .filter((thread) -> !before.contains(thread) && thread.isAlive() && !thread.isDaemon())
            .toList();
        assertEquals(List.of(), left.stream().map(Thread::getName).toList(), "threads left running");
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1,
            java.net.InetAddress.getByName("127.0.0.1")))
        {
            assertEquals(port, socket.getLocalPort(), "the port is free again");
        }
        catch (final IOException ex)
        {
            throw new AssertionError("port " + port + " still bound", ex);
        }
    }

    @Test
    void shouldServeOnTheBoundEphemeralPort()
    {
        try (TestServer test = TestServer.start(dir))
        {
            assertTrue(test.server.port() > 0);
            assertEquals("http://127.0.0.1:" + test.server.port() + "/", test.server.url());
        }
    }
}
