/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TokenApiTest
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
    void shouldShowATokenOnceAndAcceptItWithoutCsrf()
    {
        final Client manager = test.as(Role.MANAGER, "mia");
        final Response created = manager.post("/api/tokens", Map.of("name", "nightly upload"));
        assertEquals(201, created.status, created.toString());
        final String secret = created.json().path("token").asText();
        assertTrue(secret.startsWith("dlr_"), secret);
        assertEquals("manager", created.json().path("role").asText());

        final Response list = manager.get("/api/tokens");
        assertEquals(1, list.json().path("tokens").size());
        assertFalse(list.text().contains(secret), "the secret is shown once");
        assertFalse(java.nio.file.Files.exists(dir.resolve("tokens.json")) &&
            readString(dir.resolve("tokens.json")).contains(secret), "only its hash is stored");

        final Client bearer = test.anonymous().bearer(secret).withOrigin(null);
        final Response upload = bearer.upload("/api/lead-lists?name=leads.csv", "text/csv",
            "phone,first_name\n2145550123,Ana\n");
        assertEquals(201, upload.status, "no CSRF token, no Origin: " + upload);
        assertEquals("token", bearer.get("/api/session").json().path("via").asText());
    }

    @Test
    void shouldRevokeAToken()
    {
        final Response created = admin.post("/api/tokens", Map.of("name", "scraper", "role", "closer",
            "closerId", "dana"));
        assertEquals(201, created.status, created.toString());
        final Client bearer = test.anonymous().bearer(created.json().path("token").asText());
        assertEquals(200, bearer.get("/metrics").status);

        assertEquals(204, admin.delete("/api/tokens/" + created.json().path("id").asText()).status);

        final Response refused = bearer.get("/metrics");
        assertEquals(401, refused.status);
        assertEquals(401, test.anonymous().bearer("dlr_not-a-token").get("/api/session").status);
        assertEquals(401, test.anonymous().bearer("whatever").get("/api/session").status);
    }

    @Test
    void shouldNeverGiveATokenARoleAboveItsCreators()
    {
        final Client manager = test.as(Role.MANAGER, "mia");
        final Client closer = test.as(Role.CLOSER, "cole");

        assertEquals(403, manager.post("/api/tokens", Map.of("name", "x", "role", "admin")).status);
        assertEquals(403, closer.post("/api/tokens", Map.of("name", "x", "role", "manager")).status);
        assertEquals(403, closer.post("/api/tokens", Map.of("name", "x", "closerId", "someone-else")).status);
        final Response own = closer.post("/api/tokens", Map.of("name", "my phone"));
        assertEquals(201, own.status, own.toString());
        assertEquals("cole-closer", own.json().path("closerId").asText());
        assertEquals(422, manager.post("/api/tokens", Map.of("name", "x", "role", "closer")).status,
            "a closer token names its closer");
        assertEquals(422, manager.post("/api/tokens", Map.of("role", "manager")).status);
        assertEquals(401, test.anonymous().post("/api/tokens", Map.of("name", "x")).status);
    }

    @Test
    void shouldLetUsersSeeAndRevokeOnlyTheirOwnTokens()
    {
        final Client manager = test.as(Role.MANAGER, "mia");
        final String adminToken = admin.post("/api/tokens", Map.of("name", "admin's")).json().path("id").asText();
        final String managerToken = manager.post("/api/tokens", Map.of("name", "mia's")).json().path("id")
            .asText();

        assertEquals(1, manager.get("/api/tokens").json().path("tokens").size());
        assertEquals(2, admin.get("/api/tokens").json().path("tokens").size());
        assertEquals(404, manager.delete("/api/tokens/" + adminToken).status);
        assertEquals(204, admin.delete("/api/tokens/" + managerToken).status);
    }

    @Test
    void shouldStopTheTokensOfADeletedOrDemotedUser()
    {
        final Client manager = test.as(Role.MANAGER, "mia");
        final String secret = manager.post("/api/tokens", Map.of("name", "mia's")).json().path("token").asText();
        final Client bearer = test.anonymous().bearer(secret);
        final String id = test.server.users().findByName("mia").id();
        assertEquals(200, bearer.get("/api/lead-lists").status);

        assertEquals(200, admin.patch("/api/users/" + id, Map.of("role", "closer", "closerId", "mia")).status);
        assertEquals(403, bearer.get("/api/lead-lists").status, "capped at the creator's new role");

        assertEquals(204, admin.delete("/api/users/" + id).status);
        assertEquals(401, bearer.get("/api/session").status);
    }

    private static String readString(final Path file)
    {
        try
        {
            return java.nio.file.Files.readString(file);
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
