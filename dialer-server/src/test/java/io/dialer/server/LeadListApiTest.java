/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.dialer.server.storage.UploadKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LeadListApiTest
{
    static final Path EXAMPLES = Path.of(System.getProperty("user.dir")).resolve("../examples").normalize();

    @TempDir
    Path dir;

    private TestServer test;

    @AfterEach
    void close()
    {
        if (null != test)
        {
            test.close();
        }
    }

    private Client manager()
    {
        test = TestServer.start(dir, (ctx) -> ctx.maxLeadListBytes(4096).inUseCheck((kind, id) ->
            UploadKind.LEAD_LIST == kind && id.equals(inUse) ? "campaign 'spring' uses it" : null));
        return test.as(Role.MANAGER, "mia");
    }

    private volatile String inUse;

    @Test
    void shouldKeepAListWithBadRowsAndSayEachRowsErrorAsDialerValidateDoes() throws IOException
    {
        final Client manager = manager();
        final byte[] csv = Files.readAllBytes(EXAMPLES.resolve("leads-with-errors.csv"));

        final Response upload = manager.upload("/api/lead-lists?name=leads-with-errors.csv", "text/csv", csv);

        assertEquals(201, upload.status, upload.toString());
        final JsonNode json = upload.json();
        assertEquals(3, json.path("leads").asInt());
        assertEquals(4, json.path("badRows").asInt());
        assertEquals(1, json.path("duplicates").asInt());
        assertEquals(8, json.path("rows").asInt());
        assertEquals("mia", json.path("uploadedBy").asText());
        final JsonNode check = json.path("check");
        assertEquals("leads-with-errors.csv: 3 leads, 4 bad rows, 1 duplicates merged",
            check.path("summary").asText());
        assertEquals("leads-with-errors.csv:3: phone '512-555-01' is not a valid number for region US",
            check.path("findings").get(0).path("text").asText());
        assertEquals(3, check.path("findings").get(0).path("row").asInt());
        assertEquals("merged", check.path("findings").get(3).path("severity").asText());
        assertEquals("leads-with-errors.csv:3: phone '512-555-01' is not a valid number for region US\n" +
            "leads-with-errors.csv:4: phone is empty\n" +
            "leads-with-errors.csv:5: 6 columns, header has 7\n" +
            "leads-with-errors.csv:6: duplicate of row 2 (+12145550123), merged\n" +
            "leads-with-errors.csv:8: phone 'call me maybe' is not a valid number for region US\n" +
            "leads-with-errors.csv: 3 leads, 4 bad rows, 1 duplicates merged\n",
            manager.get("/api/lead-lists/" + json.path("id").asText() + "/report").text());
    }

    @Test
    void shouldListGetDownloadTheBytesUploadedAndDelete() throws IOException
    {
        final Client manager = manager();
        final byte[] csv = Files.readAllBytes(EXAMPLES.resolve("leads-sample.csv"));
        final String id = manager.upload("/api/lead-lists?name=May%20leads.csv", "text/csv; charset=utf-8", csv)
            .json().path("id").asText();

        assertEquals(1, manager.get("/api/lead-lists").json().path("leadLists").size());
        final JsonNode meta = manager.get("/api/lead-lists/" + id).json();
        assertEquals("May leads.csv", meta.path("name").asText());
        assertEquals(20, meta.path("leads").asInt());
        assertEquals("first_name", meta.path("fields").get(0).asText());
        final Response file = manager.get("/api/lead-lists/" + id + "/file");
        assertEquals(200, file.status);
        assertArrayEquals(csv, file.body);
        assertTrue(file.header("Content-Disposition").contains("filename*=UTF-8''May%20leads.csv"),
            file.header("Content-Disposition"));

        assertEquals(204, manager.delete("/api/lead-lists/" + id).status);
        assertEquals(404, manager.get("/api/lead-lists/" + id).status);
        assertEquals(404, manager.get("/api/lead-lists/" + id + "/file").status);
        assertEquals(0, manager.get("/api/lead-lists").json().path("leadLists").size());
        assertEquals(0, entries(dir.resolve("lead-lists")));
    }

    @Test
    void shouldRefuseAListWithoutAPhoneColumnOrLeadsAndKeepNothing() throws IOException
    {
        final Client manager = manager();

        final Response noPhone = manager.upload("/api/lead-lists?name=names.csv", "text/csv",
            "name,city\nAna,Dallas\n");
        assertEquals(422, noPhone.status, noPhone.toString());
        assertTrue(noPhone.error().startsWith("the lead list cannot be used: no phone column in the header"),
            noPhone.error());
        assertEquals(1, noPhone.json().path("details").get(0).path("row").asInt());
        assertEquals("names.csv", noPhone.json().path("details").get(0).path("file").asText());

        assertEquals(422, manager.upload("/api/lead-lists", "text/csv", "").status, "empty");
        assertEquals(422, manager.upload("/api/lead-lists", "text/csv", new byte[]{(byte)0x89, 'P', 'N', 'G',
            0, (byte)0xff, (byte)0xfe, 1, 2}).status, "not CSV");
        assertEquals(422, manager.upload("/api/lead-lists", "text/csv", "phone\nnot a number\n").status,
            "no lead in it");
        assertEquals(0, entries(dir.resolve("lead-lists")), "nothing kept");
    }

    @Test
    void shouldRefuseAnOversizeUploadAndKeepNothing() throws IOException
    {
        final Client manager = manager();
        final Path big = dir.resolve("big.csv");
        final StringBuilder csv = new StringBuilder("phone,first_name\n");
        for (int i = 0; csv.length() <= 4096; i++)
        {
            csv.append("21455").append(String.format("%05d", i)).append(",Ana\n");
        }
        Files.writeString(big, csv);

        final Response withLength = manager.uploadFile("/api/lead-lists", "text/csv", big);
        assertEquals(413, withLength.status, withLength.toString());
        final Response chunked = manager.uploadChunked("/api/lead-lists", "text/csv", big);
        assertEquals(413, chunked.status, chunked.toString());
        assertEquals(0, entries(dir.resolve("lead-lists")), "nothing kept");
        assertEquals(0, manager.get("/api/lead-lists").json().path("leadLists").size());
    }

    @Test
    void shouldRefuseWrongContentTypesAndRegions()
    {
        final Client manager = manager();

        assertEquals(415, manager.upload("/api/lead-lists", "image/png", "phone\n2145550123\n").status);
        final Response region = manager.upload("/api/lead-lists?region=XX", "text/csv", "phone\n2145550123\n");
        assertEquals(422, region.status);
        assertEquals("region", region.json().path("details").get(0).path("field").asText());
        assertEquals(404, manager.get("/api/lead-lists/..%2F..%2Fusers.json").status);
        assertEquals(404, manager.get("/api/lead-lists/aaaaaaaaaaaa").status);
    }

    @Test
    void shouldRefuseToDeleteAListInUse()
    {
        final Client manager = manager();
        final String id = manager.upload("/api/lead-lists", "text/csv", "phone\n2145550123\n").json().path("id")
            .asText();
        inUse = id;

        final Response refused = manager.delete("/api/lead-lists/" + id);

        assertEquals(409, refused.status);
        assertTrue(refused.error().endsWith("is in use: campaign 'spring' uses it"), refused.error());
        assertEquals(200, manager.get("/api/lead-lists/" + id).status);
        inUse = null;
        assertEquals(204, manager.delete("/api/lead-lists/" + id).status);
    }

    @Test
    void shouldLetOnlyManagersAndAdminsHandleLeadLists()
    {
        manager();
        final Client closer = test.as(Role.CLOSER, "cole");
        assertEquals(401, test.anonymous().get("/api/lead-lists").status);
        assertEquals(401, test.anonymous().upload("/api/lead-lists", "text/csv", "phone\n2145550123\n").status);
        assertEquals(403, closer.get("/api/lead-lists").status);
        assertEquals(403, closer.upload("/api/lead-lists", "text/csv", "phone\n2145550123\n").status);
        assertEquals(403, closer.delete("/api/lead-lists/aaaaaaaaaaaa").status);
        assertEquals(403, closer.get("/api/lead-lists/aaaaaaaaaaaa/file").status);
        assertEquals(201, test.admin().upload("/api/lead-lists", "text/csv", "phone\n2145550123\n").status);
    }

    static long entries(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.count();
        }
    }
}
