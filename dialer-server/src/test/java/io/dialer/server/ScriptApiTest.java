/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.dialer.server.storage.UploadKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScriptApiTest
{
    @TempDir
    Path dir;

    private TestServer test;
    private Client manager;
    private volatile String inUse;

    @BeforeEach
    void start()
    {
        test = TestServer.start(dir, (ctx) -> ctx.inUseCheck((kind, id) ->
            UploadKind.SCRIPT == kind && id.equals(inUse) ? "campaign 'spring' uses it" : null));
        manager = test.as(Role.MANAGER, "mia");
    }

    @AfterEach
    void close()
    {
        test.close();
    }

    private String upload() throws IOException
    {
        final Response upload = manager.upload("/api/scripts?name=auto-insurance.yaml", "application/yaml",
            Files.readAllBytes(LeadListApiTest.EXAMPLES.resolve("auto-insurance.yaml")));
        assertEquals(201, upload.status, upload.toString());
        return upload.json().path("id").asText();
    }

    @Test
    void shouldKeepAValidScriptAndServeItsSource() throws IOException
    {
        final byte[] yaml = Files.readAllBytes(LeadListApiTest.EXAMPLES.resolve("auto-insurance.yaml"));
        final String id = upload();

        final JsonNode meta = manager.get("/api/scripts/" + id).json();
        assertEquals("auto-insurance", meta.path("scriptName").asText());
        assertEquals(new String(yaml, java.nio.charset.StandardCharsets.UTF_8), meta.path("source").asText());
        assertArrayEquals(yaml, manager.get("/api/scripts/" + id + "/file").body);
        assertEquals(1, manager.get("/api/scripts").json().path("scripts").size());
        assertEquals(204, manager.delete("/api/scripts/" + id).status);
        assertEquals(404, manager.get("/api/scripts/" + id).status);
    }

    @Test
    void shouldRefuseAScriptWithErrorsAtTheirLineAndColumnAndKeepNothing() throws IOException
    {
        final String script = String.join("\n",
            "lead_fields: [city]",
            "opt_out: { key: '*', prompt: bye }",
            "defaults: { on_no_input: out, on_invalid: out }",
            "greeting: { prompt: hi, next: q1 }",
            "questions:",
            "  q1:",
            "    prompt: one",
            "    choices: { '1': yes, '2': no }",
            "    next: q3",
            "outcomes:",
            "  out: { type: disqualified, reason: r, prompt: bye }",
            "");

        final Response refused = manager.upload("/api/scripts?name=bad.yaml", "text/yaml", script);

        assertEquals(422, refused.status, refused.toString());
        final JsonNode detail = refused.json().path("details").get(0);
        assertEquals("bad.yaml", detail.path("file").asText());
        assertEquals(9, detail.path("line").asInt());
        assertEquals(11, detail.path("col").asInt());
        assertEquals("unknown question or outcome 'q3'", detail.path("message").asText());
        assertEquals(422, manager.upload("/api/scripts", "application/yaml", "# nothing\n").status);
        assertEquals(422, manager.upload("/api/scripts", "application/yaml", "questions:\n  q1: [unclosed\n")
            .status);
        assertEquals(0, LeadListApiTest.entries(dir.resolve("scripts")));
    }

    @Test
    void shouldRefuseAScriptThatNamesAListFile() throws IOException
    {
        final String home = Files.readString(LeadListApiTest.EXAMPLES.resolve("home-services.yaml"));

        final Response refused = manager.upload("/api/scripts?name=home.yaml", "application/yaml",
            home.replace("service-area-zips.txt", "/etc/passwd"));

        assertEquals(422, refused.status, refused.toString());
        final JsonNode detail = refused.json().path("details").get(0);
        assertEquals(11, detail.path("line").asInt());
        assertTrue(detail.path("message").asText().startsWith("an uploaded script cannot name a list file"));
    }

    @Test
    void shouldPlayADryRunAsDialerDryRunPrintsIt() throws IOException
    {
        final String id = upload();

        final Response run = manager.post("/api/scripts/" + id + "/dry-run", Map.of(
            "lead", Map.of("first_name", "Ana", "last_name", "Ruiz", "city", "Dallas", "state", "TX"),
            "keys", List.of("1", "75201#", "34#", "1"), "promptMs", 2000));

        assertEquals(200, run.status, run.toString());
        final JsonNode json = run.json();
        assertEquals("qualified", json.path("outcome").asText());
        assertEquals("[00:00.0] DIALER: Hello Ana, this is Lone Star Auto Insurance with a quick question about " +
            "your car insurance. Press star at any time to stop these calls.", json.path("transcript").get(0)
            .asText());
        assertEquals("[00:04.5] CALLER presses 1", json.path("transcript").get(2).asText());
        assertEquals("caller", json.path("lines").get(2).path("kind").asText());
        final JsonNode last = json.path("lines").get(json.path("lines").size() - 1);
        assertEquals("outcome", last.path("kind").asText());
        assertEquals("→ QUALIFIED to skill auto-closers: Ana Ruiz, Dallas TX: owns a car, ZIP 75201, age 34, " +
            "wants a quote today", last.path("text").asText());

        final JsonNode noLead = manager.post("/api/scripts/" + id + "/dry-run", Map.of("keys", List.of("2")))
            .json();
        assertEquals("note: lead field 'first_name' not given (--lead first_name=...)",
            noLead.path("notes").get(0).asText());
    }

    @Test
    void shouldRefuseBadDryRuns() throws IOException
    {
        final String id = upload();

        assertEquals(422, manager.post("/api/scripts/" + id + "/dry-run", Map.of("keys", "1,2")).status);
        assertEquals(422, manager.post("/api/scripts/" + id + "/dry-run", Map.of("promptMs", -1)).status);
        assertEquals(422, manager.post("/api/scripts/" + id + "/dry-run", Map.of("typo", 1)).status);
        assertEquals(400, manager.post("/api/scripts/" + id + "/dry-run", "{").status);
        assertEquals(404, manager.post("/api/scripts/aaaaaaaaaaaa/dry-run", Map.of()).status);
        assertEquals(403, test.as(Role.CLOSER, "cole").post("/api/scripts/" + id + "/dry-run", Map.of()).status);
    }

    @Test
    void shouldRefuseToDeleteAScriptInUseAndRefuseClosersAndStrangers() throws IOException
    {
        final String id = upload();
        inUse = id;
        assertEquals(409, manager.delete("/api/scripts/" + id).status);

        final Client closer = test.as(Role.CLOSER, "cole");
        assertEquals(403, closer.get("/api/scripts").status);
        assertEquals(403, closer.get("/api/scripts/" + id).status);
        assertEquals(403, closer.get("/api/scripts/" + id + "/file").status);
        assertEquals(403, closer.upload("/api/scripts", "application/yaml", "questions: {}\n").status);
        assertEquals(403, closer.delete("/api/scripts/" + id).status);
        assertEquals(401, test.anonymous().get("/api/scripts").status);
        assertEquals(415, manager.upload("/api/scripts", "application/json", "{}").status);
        final Response tooLarge = manager.announce("POST", "/api/scripts", "application/yaml", 2 * 1024 * 1024);
        assertEquals(413, tooLarge.status, tooLarge.toString());
        assertTrue(tooLarge.text().contains("larger than the limit of 1048576 bytes"), tooLarge.text());
    }
}
