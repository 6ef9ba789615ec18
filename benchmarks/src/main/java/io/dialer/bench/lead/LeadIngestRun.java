/*
 * Dialer benchmarks.
 */
package io.dialer.bench.lead;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.core.lead.LeadProblem;

/**
 * Load run: the cost of ingesting a large lead list. Generates a deterministic CSV (seed 42) of US numbers across
 * 60 area codes in several formats, with a bad row every 50,000 rows (empty phone, invalid number, missing cell),
 * into a temporary directory, then reads it with {@link LeadListReader} and prints rows/s, time, heap used after the
 * read and the problem counts. Each run is repeated ({@code --runs}) so the JIT is warm for the last ones.
 * <p>
 * Options: {@code --rows N} (default 1,000,000), {@code --runs N} (default 3), {@code --threads N} (normalising
 * threads, default the available processors), {@code --file PATH} (read this file instead of generating one).
 */
public final class LeadIngestRun
{
    private static final String[] AREA_CODES = {
        "205", "212", "213", "214", "215", "216", "301", "302", "303", "304", "305", "310", "312", "313", "314",
        "315", "316", "317", "318", "319", "401", "402", "404", "405", "406", "407", "408", "409", "410", "412",
        "413", "414", "415", "417", "501", "502", "503", "504", "505", "512", "513", "515", "516", "517", "518",
        "601", "602", "603", "605", "608", "609", "612", "614", "615", "617", "702", "704", "713", "801", "907"
    };
    private static final String[] FIRST = {"Ana", "John", "Maria", "James", "Linda", "Robert", "Wei", "Fatima"};
    private static final String[] LAST = {"Ruiz", "Smith", "Johnson", "Nguyen", "Garcia", "Brown", "Khan", "Lee"};
    private static final String[] CITIES = {"Dallas", "Austin", "Miami", "Denver", "Boston", "Seattle", "Chicago"};
    private static final String[] STATES = {"TX", "TX", "FL", "CO", "MA", "WA", "IL"};

    private LeadIngestRun()
    {
    }

    /**
     * Runs the ingest.
     *
     * @param args the options.
     * @throws IOException when the file cannot be written or read.
     */
    public static void main(final String[] args) throws IOException
    {
        int rows = 1_000_000;
        int runs = 3;
        int threads = LeadListReader.THREADS_DEFAULT;
        Path file = null;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--rows":
                    rows = Integer.parseInt(args[++i]);
                    break;
                case "--runs":
                    runs = Integer.parseInt(args[++i]);
                    break;
                case "--threads":
                    threads = Integer.parseInt(args[++i]);
                    break;
                case "--file":
                    file = Path.of(args[++i]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i] +
                        "; expected --rows N, --runs N, --threads N, --file PATH");
            }
        }
        Path dir = null;
        if (null == file)
        {
            dir = Files.createTempDirectory("lead-ingest");
            file = dir.resolve("leads.csv");
            final long start = System.nanoTime();
            generate(file, rows);
            System.out.printf("generated %,d rows (%,d bytes) in %d ms: %s%n", rows, Files.size(file),
                (System.nanoTime() - start) / 1_000_000, file);
        }
        try
        {
            final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            for (int run = 1; run <= runs; run++)
            {
                System.gc();
                final long heapBefore = memory.getHeapMemoryUsage().getUsed();
                final long cpuBefore = cpuNanos();
                final long start = System.nanoTime();
                final LeadList leads = new LeadListReader("US", threads).read(file);
                final long nanos = System.nanoTime() - start;
                final long cpu = cpuNanos() - cpuBefore;
                final long heapAfter = memory.getHeapMemoryUsage().getUsed();
                System.gc();
                final long retained = memory.getHeapMemoryUsage().getUsed() - heapBefore;
                final long lines = leads.size() + leads.report().badRows() + leads.report().duplicates();
                System.out.printf("run %d: %,d rows in %d ms = %,.0f rows/s (process CPU %d ms); heap used after " +
                    "read %,d MB (retained by the list %,d MB); %s; %d problems (threads %d)%n",
                    run, lines, nanos / 1_000_000, lines * 1e9 / nanos, cpu / 1_000_000, heapAfter >> 20,
                    retained >> 20,
                    leads.summary(), leads.report().problems().size(), threads);
                if (run == runs)
                {
                    int shown = 0;
                    for (final LeadProblem problem : leads.report().problems())
                    {
                        if (problem.isError() && shown++ < 5)
                        {
                            System.out.println("  e.g. " + problem);
                        }
                    }
                }
            }
        }
        finally
        {
            if (null != dir)
            {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        }
    }

    private static long cpuNanos()
    {
        final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean ?
            ((com.sun.management.OperatingSystemMXBean)os).getProcessCpuTime() : 0;
    }

    /**
     * Writes a deterministic lead list.
     *
     * @param file where.
     * @param rows how many data rows.
     * @throws IOException when it cannot be written.
     */
    public static void generate(final Path file, final int rows) throws IOException
    {
        final SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            out.write("phone,first_name,last_name,city,state,zip\n");
            final StringBuilder line = new StringBuilder(96);
            for (int i = 1; i <= rows; i++)
            {
                line.setLength(0);
                final String area = AREA_CODES[random.nextInt(AREA_CODES.length)];
                final int exchange = 200 + random.nextInt(800);
                final int subscriber = random.nextInt(10_000);
                final String sub = String.format("%04d", subscriber);
                final int city = random.nextInt(CITIES.length);
                if (i % 50_000 == 0)
                {
                    line.append("555-01");
                }
                else if (i % 50_000 == 1_000)
                {
                    line.append("");
                }
                else
                {
                    switch (i % 4)
                    {
                        case 0:
                            line.append('+').append('1').append(area).append(exchange).append(sub);
                            break;
                        case 1:
                            line.append('(').append(area).append(") ").append(exchange).append('-').append(sub);
                            break;
                        case 2:
                            line.append(area).append('-').append(exchange).append('-').append(sub);
                            break;
                        default:
                            line.append(area).append(exchange).append(sub);
                            break;
                    }
                }
                line.append(',').append(FIRST[random.nextInt(FIRST.length)])
                    .append(',').append(LAST[random.nextInt(LAST.length)])
                    .append(',').append(CITIES[city]);
                if (i % 50_000 != 2_000)
                {
                    line.append(',').append(STATES[city]);
                }
                line.append(',').append(10_000 + random.nextInt(90_000)).append('\n');
                out.append(line);
            }
        }
    }
}
