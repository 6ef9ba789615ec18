/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UserApiTest
{
    @TempDir
    Path dir;

    private TestServer test;
    private Client admin;

    @BeforeEach
    void start()
    {
        test = TestServer.start(dir);
        admin = test.admin();
    }

    @AfterEach
    void close()
    {
        test.close();
    }

    @Test
    void shouldCreateListGetChangeAndDeleteUsers()
    {
        final Response created = admin.post("/api/users", Map.of("name", "Dana", "role", "closer", "password",
            "dana-password-1", "closerId", "dana"));
        assertEquals(201, created.status, created.toString());
        final String id = created.json().path("id").asText();
        assertEquals("dana", created.json().path("closerId").asText());
        assertFalse(created.text().contains("argon2"), "no hash in answers");

        assertEquals(2, admin.get("/api/users").json().path("users").size());
        assertEquals("Dana", admin.get("/api/users/" + id).json().path("name").asText());

        final Response changed = admin.patch("/api/users/" + id, Map.of("role", "manager"));
        assertEquals(200, changed.status, changed.toString());
        assertEquals("manager", changed.json().path("role").asText());
        assertTrue(changed.json().path("closerId").isNull(), "a manager has no closer id");

        assertEquals(204, admin.delete("/api/users/" + id).status);
        assertEquals(404, admin.get("/api/users/" + id).status);
        assertEquals(404, admin.delete("/api/users/" + id).status);
    }

    @Test
    void shouldLetOnlyAdminsManageUsers()
    {
        final Client manager = test.as(Role.MANAGER, "mia");
        final Client closer = test.as(Role.CLOSER, "cole");
        final String adminId = test.server.users().findByName("admin").id();

        assertEquals(401, test.anonymous().get("/api/users").status);
        for (final Client client : new Client[]{manager, closer})
        {
            assertEquals(403, client.get("/api/users").status);
            assertEquals(403, client.get("/api/users/" + adminId).status);
            assertEquals(403, client.post("/api/users", Map.of("name", "x", "role", "admin", "password",
                "x-password-123")).status);
            assertEquals(403, client.patch("/api/users/" + adminId, Map.of("enabled", false)).status);
            assertEquals(403, client.delete("/api/users/" + adminId).status);
        }
        assertEquals(403, test.bearer(Role.MANAGER).get("/api/users").status);
        assertEquals(200, test.bearer(Role.ADMIN).get("/api/users").status);
    }

    @Test
    void shouldRefuseInvalidUsers()
    {
        final Response invalid = admin.post("/api/users", Map.of("name", "bad name!", "role", "boss", "password",
            "short"));
        assertEquals(422, invalid.status);
        final JsonNode details = invalid.json().path("details");
        assertEquals("role", details.get(0).path("field").asText());
        assertEquals("name", details.get(1).path("field").asText());
        assertEquals("password", details.get(2).path("field").asText());

        assertEquals(422, admin.post("/api/users", Map.of("name", "cole", "role", "closer", "password",
            "cole-password-1")).status, "a closer needs a closer id");
        assertEquals(422, admin.post("/api/users", Map.of("name", "mia", "role", "manager", "password",
            "mia-password-12", "closerId", "x")).status, "only a closer has one");
        assertEquals(409, admin.post("/api/users", Map.of("name", "ADMIN", "role", "manager", "password",
            "mia-password-12")).status, "names are unique ignoring case");
        assertEquals(404, admin.patch("/api/users/nosuchuser", Map.of("enabled", false)).status);
        assertEquals(422, admin.patch("/api/users/" + test.server.users().findByName("admin").id(),
            Map.of("enabled", "no")).status);
    }

    @Test
    void shouldKeepAnEnabledAdmin()
    {
        final String adminId = test.server.users().findByName("admin").id();

        assertEquals(409, admin.patch("/api/users/" + adminId, Map.of("enabled", false)).status);
        assertEquals(409, admin.patch("/api/users/" + adminId, Map.of("role", "manager")).status);
        assertEquals(409, admin.delete("/api/users/" + adminId).status);
        assertTrue(test.server.users().find(adminId).enabled());
    }

    @Test
    void shouldEndTheSessionsOfADisabledUserAndRefuseTheirLogin()
    {
        final Client manager = test.as(Role.MANAGER, "mia");
        final String id = test.server.users().findByName("mia").id();

        assertEquals(200, admin.patch("/api/users/" + id, Map.of("enabled", false)).status);

        assertEquals(401, manager.get("/api/session").status);
        assertEquals(401, test.anonymous().post("/api/session", Map.of("name", "mia", "password",
            TestServer.PASSWORD)).status);
        assertEquals(200, admin.patch("/api/users/" + id, Map.of("enabled", true, "password",
            "reset-password-1")).status);
        new Client(test).login("mia", "reset-password-1");
    }
}
