/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClosersFileApiTest
{
    @TempDir
    Path dir;

    private TestServer test;
    private Client manager;

    @BeforeEach
    void start()
    {
        test = TestServer.start(dir);
        manager = test.as(Role.MANAGER, "mia");
    }

    @AfterEach
    void close()
    {
        test.close();
    }

    @Test
    void shouldKeepListGetDownloadAndDeleteAClosersFile() throws IOException
    {
        final byte[] yaml = Files.readAllBytes(LeadListApiTest.EXAMPLES.resolve("closers.yaml"));

        final Response upload = manager.upload("/api/closers-files?name=closers.yaml", "application/yaml", yaml);

        assertEquals(201, upload.status, upload.toString());
        final String id = upload.json().path("id").asText();
        final JsonNode closers = manager.get("/api/closers-files/" + id).json().path("closers");
        assertEquals(3, closers.size());
        assertEquals("dana", closers.get(0).path("id").asText());
        assertEquals("auto-closers", closers.get(0).path("skills").get(0).asText());
        assertEquals(1, manager.get("/api/closers-files").json().path("closersFiles").size());
        assertArrayEquals(yaml, manager.get("/api/closers-files/" + id + "/file").body);
        assertEquals(204, manager.delete("/api/closers-files/" + id).status);
        assertEquals(404, manager.get("/api/closers-files/" + id).status);
    }

    @Test
    void shouldRefuseAClosersFileWithErrorsAtTheirLineAndColumn() throws IOException
    {
        final Response refused = manager.upload("/api/closers-files?name=team.yaml", "application/yaml",
            "closers:\n  - id: dana\n    uri: sip:dana@127.0.0.1\n    skills: [auto]\n  - id: dana\n" +
            "    uri: sips:x@y\n    skills: []\n");

        assertEquals(422, refused.status, refused.toString());
        final JsonNode details = refused.json().path("details");
        assertEquals("team.yaml", details.get(0).path("file").asText());
        assertEquals(5, details.get(0).path("line").asInt());
        assertEquals(422, manager.upload("/api/closers-files", "application/yaml", "closers: [\n").status);
        assertEquals(0, LeadListApiTest.entries(dir.resolve("closers-files")));
    }

    @Test
    void shouldLetOnlyManagersAndAdminsHandleClosersFiles()
    {
        final Client closer = test.as(Role.CLOSER, "cole");

        assertEquals(401, test.anonymous().get("/api/closers-files").status);
        assertEquals(403, closer.get("/api/closers-files").status);
        assertEquals(403, closer.upload("/api/closers-files", "application/yaml", "closers: []\n").status);
        assertEquals(403, closer.get("/api/closers-files/aaaaaaaaaaaa").status);
        assertEquals(403, closer.get("/api/closers-files/aaaaaaaaaaaa/file").status);
        assertEquals(403, closer.delete("/api/closers-files/aaaaaaaaaaaa").status);
        assertEquals(404, manager.delete("/api/closers-files/aaaaaaaaaaaa").status);
        assertEquals(415, manager.upload("/api/closers-files", "text/csv", "closers: []\n").status);
    }
}
