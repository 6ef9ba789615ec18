/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.dialer.server.floor.Floor;
import io.dialer.sim.QuickCalls;
import io.dialer.sip.SipStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national do-not-call registry on the server: its copy's date and age through the API, its numbers refused with
 * the floor's list, and no campaign started on a copy older than 31 days.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NationalDncApiTest
{
    @TempDir
    Path dir;

    @Test
    void shouldShowTheRegistrysDateAndRefuseToStartACampaignOnAStaleCopy() throws IOException
    {
        final Path registry = Files.writeString(dir.resolve("national.txt"), "2145550501\n201-555-0123\n");
        final LocalDate downloaded = LocalDate.now(ZoneOffset.UTC).minusDays(40);
        try (SipStack stack = SipStack.launch(new SipStack.Context().bindAddress(InetAddress.getLoopbackAddress())
            .port(0).userAgent("dialer"));
            Floor floor = Floor.open(new Floor.Context().dataDir(dir.resolve("data")).stacks(stack)
                .nationalDnc(registry, downloaded));
            TestServer test = TestServer.start(dir.resolve("data"), (ctx) -> floor.routes().forEach(ctx::addRoutes)))
        {
            final Client manager = test.as(Role.MANAGER, "mona");

            final JsonNode national = manager.get("/api/dnc/national").json();

            assertTrue(national.get("loaded").asBoolean());
            assertEquals("national.txt", national.get("file").asText());
            assertEquals(2, national.get("numbers").asLong());
            assertEquals(downloaded.toString(), national.get("downloaded").asText());
            assertEquals("--dnc-national-downloaded", national.get("dateSource").asText());
            assertEquals(40, national.get("ageDays").asLong());
            assertEquals(31, national.get("maxAgeDays").asInt());
            assertTrue(national.get("problem").asText().contains("40 days ago: the limit is 31 days"),
                national.toString());
            assertTrue(manager.get("/api/dnc/2145550501").json().get("listed").asBoolean(), "on the registry");
            assertFalse(manager.get("/api/dnc/2145550502").json().get("listed").asBoolean());

            final String id = campaign(manager);
            final Response start = manager.post("/api/campaigns/" + id + "/start", Map.of());

            assertEquals(409, start.status, start.text());
            assertTrue(start.text().contains("cannot start: national do-not-call file " + registry), start.text());
            assertEquals("created", manager.get("/api/campaigns/" + id).json().get("state").asText());
        }
    }

    @Test
    void shouldSayWhenTheServerHasNoRegistry() throws IOException
    {
        try (SipStack stack = SipStack.launch(new SipStack.Context().bindAddress(InetAddress.getLoopbackAddress())
            .port(0).userAgent("dialer"));
            Floor floor = Floor.open(new Floor.Context().dataDir(dir).stacks(stack));
            TestServer test = TestServer.start(dir, (ctx) -> floor.routes().forEach(ctx::addRoutes)))
        {
            final JsonNode national = test.as(Role.ADMIN, "ada").get("/api/dnc/national").json();

            assertFalse(national.get("loaded").asBoolean());
            assertFalse(national.has("problem"));
            assertEquals(403, test.as(Role.CLOSER, "kim").get("/api/dnc/national").status);
        }
    }

    private static String campaign(final Client manager)
    {
        final Response leads = manager.upload("/api/lead-lists?name=leads.csv", "text/csv",
            "phone\n+12145550501\n+12145550502\n");
        assertEquals(201, leads.status, leads.text());
        final Response script = manager.upload("/api/scripts?name=sales.yaml", "application/yaml",
            QuickCalls.SCRIPT);
        assertEquals(201, script.status, script.text());
        final Response made = manager.post("/api/campaigns", Map.of("name", "spring",
            "leadList", leads.json().get("id").asText(), "script", script.json().get("id").asText(),
            "settings", Map.of("caller_id", Map.of("number", "+12145550100"),
            "trunk", Map.of("uri", "sip:carrier@127.0.0.1:5999"))));
        assertEquals(201, made.status, made.text());
        return made.json().get("id").asText();
    }
}
