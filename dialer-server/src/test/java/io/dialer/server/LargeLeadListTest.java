/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 1,000,000-row lead list streamed to the server (chunked, no length, so the server cannot size a buffer for it)
 * and read by the lead-list reader; prints the time and the heap's peak.
 */
class LargeLeadListTest
{
    private static final int ROWS = Integer.getInteger("dialer.largeLeadListRows", 1_000_000);
    private static final String[] AREA_CODES = {
        "205", "212", "213", "214", "215", "216", "301", "302", "303", "304", "305", "310", "312", "313", "314",
        "315", "316", "317", "318", "319", "401", "402", "404", "405", "406", "407", "408", "409", "410", "412",
        "413", "414", "415", "417", "501", "502", "503", "504", "505", "512", "513", "515", "516", "517", "518",
        "601", "602", "603", "605", "608", "609", "612", "614", "615", "617", "702", "704", "713", "801", "907"
    };

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldStreamAMillionRowLeadList() throws IOException
    {
        final Path csv = dir.resolve("million.csv");
        generate(csv, ROWS);
        try (TestServer test = TestServer.start(dir.resolve("data")))
        {
            final Client admin = test.admin();
            resetPeaks();
            final long started = System.nanoTime();

            final Response upload = admin.uploadChunked("/api/lead-lists?name=million.csv", "text/csv", csv);

            final long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(201, upload.status, upload.toString());
            final JsonNode json = upload.json();
            assertEquals(ROWS, json.path("rows").asInt());
            assertEquals(ROWS / 100_000, json.path("badRows").asInt());
            assertEquals(Files.size(csv), json.path("size").asLong());
            assertEquals(Files.size(csv), Files.size(test.server.storage().root()
                .resolve("lead-lists/" + json.path("id").asText() + "/leads.csv")));
            System.out.printf("%,d rows (%,d bytes) uploaded and read in %,d ms; heap peak %,d MB (of -Xmx %,d MB)%n",
                ROWS, Files.size(csv), ms, peakHeapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            assertTrue(json.path("check").path("summary").asText().startsWith("million.csv: "));
        }
    }

    /**
     * Rows of distinct US numbers in four formats; a bad number every 100,000 rows.
     */
    static void generate(final Path file, final int rows) throws IOException
    {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            out.write("phone,first_name,last_name,city,state,zip\n");
            for (int i = 0; i < rows; i++)
            {
                final String area = AREA_CODES[i % AREA_CODES.length];
                final int rest = i / AREA_CODES.length;
                final int exchange = 200 + rest / 10_000 % 800;
                final String sub = String.format("%04d", rest % 10_000);
                if (i % 100_000 == 99_999)
                {
                    out.write("555-01");
                }
                else
                {
                    switch (i % 4)
                    {
                        case 0:
                            out.write("+1" + area + exchange + sub);
                            break;
                        case 1:
                            out.write("(" + area + ") " + exchange + "-" + sub);
                            break;
                        case 2:
                            out.write(area + "-" + exchange + "-" + sub);
                            break;
                        default:
                            out.write(area + exchange + sub);
                            break;
                    }
                }
                out.write(",Ana,Ruiz,Dallas,TX,75201\n");
            }
        }
    }

    private static void resetPeaks()
    {
        System.gc();
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
        {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapBytes()
    {
        long peak = 0;
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
        {
            if (MemoryType.HEAP == pool.getType())
            {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
