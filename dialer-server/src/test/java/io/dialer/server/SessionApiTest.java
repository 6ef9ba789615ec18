/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionApiTest
{
    @TempDir
    Path dir;

    private final CachedEpochClock clock = new CachedEpochClock();
    private TestServer test;

    @AfterEach
    void close()
    {
        if (null != test)
        {
            test.close();
        }
    }

    private TestServer start()
    {
        clock.update(1_800_000_000_000L);
        test = TestServer.start(dir, (ctx) -> ctx.epochClock(clock).loginLimit(3, 10, 60_000)
            .sessionTimeouts(30 * 60_000, 12 * 3_600_000));
        return test;
    }

    @Test
    void shouldSignInWithAStrictHttpOnlyCookieAndReturnTheCsrfToken()
    {
        start();
        final Response login = test.anonymous().post("/api/session", Map.of("name", "admin", "password",
            TestServer.PASSWORD));

        assertEquals(200, login.status, login.toString());
        final String cookie = login.header("Set-Cookie");
        assertTrue(cookie.startsWith("dialer_session="), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"),
            cookie);
        assertTrue(!cookie.contains("Secure"), "no Secure flag over plain HTTP: " + cookie);
        assertEquals("admin", login.json().path("user").path("role").asText());
        assertEquals(43, login.json().path("csrfToken").asText().length());
        assertEquals("no-store", login.header("Cache-Control"));
    }

    @Test
    void shouldTellWhoIsSignedIn()
    {
        start();
        final Client admin = test.admin();

        final Response session = admin.get("/api/session");

        assertEquals(200, session.status);
        assertEquals("admin", session.json().path("user").path("name").asText());
        assertEquals("session", session.json().path("via").asText());
        assertEquals(admin.csrf(), session.json().path("csrfToken").asText());
    }

    @Test
    void shouldGiveANewSessionIdAtEachLogin()
    {
        start();
        final Client first = test.admin();
        final Client second = test.admin();

        assertNotEquals(first.cookie(), second.cookie());
        assertNotEquals(first.csrf(), second.csrf());
    }

    @Test
    void shouldRefuseWithoutASessionOrWithAWrongPassword()
    {
        start();
        assertEquals(401, test.anonymous().get("/api/session").status);
        final Response wrong = test.anonymous().post("/api/session", Map.of("name", "admin", "password",
            "not-the-password"));
        assertEquals(401, wrong.status);
        assertEquals("wrong name or password, or the user is disabled", wrong.error());
        assertEquals(401, test.anonymous().post("/api/session", Map.of("name", "nobody", "password",
            "not-the-password")).status);
    }

    @Test
    void shouldSignOutAndForgetTheSession()
    {
        start();
        final Client admin = test.admin();

        final Response logout = admin.delete("/api/session");

        assertEquals(204, logout.status);
        assertTrue(logout.header("Set-Cookie").contains("Max-Age=0"));
        assertEquals(401, admin.get("/api/session").status);
    }

    @Test
    void shouldRequireTheCsrfTokenOnStateChangingRequestsByCookie()
    {
        start();
        final Client admin = test.admin();

        final Response withoutToken = admin.withoutCsrf().delete("/api/session");

        assertEquals(403, withoutToken.status);
        assertTrue(withoutToken.error().contains("X-CSRF-Token"), withoutToken.error());
        assertEquals(200, admin.get("/api/session").status, "a GET needs no token; the session is still there");
    }

    @Test
    void shouldRefuseAnotherOriginOrNoOriginOnStateChangingRequestsByCookie()
    {
        start();
        final Client admin = test.admin();

        assertEquals(403, admin.withOrigin("http://evil.example").delete("/api/session").status);
        assertEquals(403, admin.withOrigin(null).delete("/api/session").status);
        assertEquals(403, admin.withOrigin(null).withReferer("http://evil.example/page").delete("/api/session")
            .status);
        assertEquals(403, test.anonymous().withOrigin("http://evil.example").post("/api/session",
            Map.of("name", "admin", "password", TestServer.PASSWORD)).status, "a login from another origin");
        assertEquals(204, admin.withOrigin(null).withReferer(test.origin() + "/").delete("/api/session").status,
            "the Referer stands in for a missing Origin");
    }

    @Test
    void shouldLimitLoginAttemptsPerUserName()
    {
        start();
        for (int i = 0; i < 3; i++)
        {
            assertEquals(401, test.anonymous().post("/api/session", Map.of("name", "admin", "password",
                "wrong-password-" + i)).status);
        }

        final Response limited = test.anonymous().post("/api/session", Map.of("name", "ADMIN", "password",
            TestServer.PASSWORD));

        assertEquals(429, limited.status, limited.toString());
        assertEquals("60", limited.header("Retry-After"));
        clock.advance(60_000);
        assertEquals(200, test.anonymous().post("/api/session", Map.of("name", "admin", "password",
            TestServer.PASSWORD)).status, "the window has passed");
    }

    @Test
    void shouldLimitLoginAttemptsPerSourceAddress()
    {
        start();
        for (int i = 0; i < 10; i++)
        {
            test.anonymous().post("/api/session", Map.of("name", "user" + i, "password", "wrong-password"));
        }

        final Response limited = test.anonymous().post("/api/session", Map.of("name", "admin", "password",
            TestServer.PASSWORD));

        assertEquals(429, limited.status);
        assertNotNull(limited.header("Retry-After"));
    }

    @Test
    void shouldExpireAnIdleSessionAndAnOldOne()
    {
        start();
        final Client idle = test.admin();
        clock.advance(30 * 60_000);
        assertEquals(401, idle.get("/api/session").status, "idle for 30 minutes");

        final Client busy = test.admin();
        for (int i = 0; i < 24; i++)
        {
            clock.advance(29 * 60_000);
            assertEquals(200, busy.get("/api/session").status, "used every 29 minutes, " + (i + 1) * 29 + " min");
        }
        clock.advance(24 * 60_000);
        assertEquals(401, busy.get("/api/session").status, "12 hours after the login");
    }

    @Test
    void shouldRefuseMalformedLogins()
    {
        start();
        final Client anonymous = test.anonymous();

        assertEquals(400, anonymous.post("/api/session", "{not json").status);
        assertEquals(400, anonymous.post("/api/session", "[1, 2]").status);
        assertEquals(415, anonymous.upload("/api/session", "text/plain", "name=admin").status);
        final Response missing = anonymous.post("/api/session", Map.of("name", "admin", "extra", "x"));
        assertEquals(422, missing.status);
        assertEquals("password", missing.json().path("details").get(0).path("field").asText());
        assertEquals("unknown field", missing.json().path("details").get(1).path("message").asText());
        assertEquals(413, anonymous.post("/api/session", "{\"name\":\"" + "x".repeat(70_000) + "\"}").status);
    }

    @Test
    void shouldChangeOnesOwnPasswordAndEndOtherSessions()
    {
        start();
        final Client manager = test.as(Role.MANAGER, "mia");
        final Client otherBrowser = new Client(test).login("mia", TestServer.PASSWORD);

        assertEquals(403, manager.put("/api/session/password", Map.of("currentPassword", "wrong-password-x",
            "newPassword", "a-new-password-1")).status);
        assertEquals(422, manager.put("/api/session/password", Map.of("currentPassword", TestServer.PASSWORD,
            "newPassword", "short")).status);
        assertEquals(204, manager.put("/api/session/password", Map.of("currentPassword", TestServer.PASSWORD,
            "newPassword", "a-new-password-1")).status);

        assertEquals(200, manager.get("/api/session").status, "the session that changed it stays");
        assertEquals(401, otherBrowser.get("/api/session").status);
        assertEquals(200, new Client(test).login("mia", "a-new-password-1").get("/api/session").status);
        assertNull(test.anonymous().get("/api/session").header("Set-Cookie"));
    }
}
