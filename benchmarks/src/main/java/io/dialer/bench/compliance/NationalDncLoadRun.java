/*
 * Dialer benchmarks.
 */
package io.dialer.bench.compliance;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

import io.dialer.core.compliance.DncLoadReport;
import io.dialer.core.compliance.NationalDncList;
import org.agrona.collections.LongHashSet;

/**
 * Load run: the national do-not-call registry at scale. Generates a registry file (seed 42) of N million distinct
 * 10-digit numbers, one per line, spread evenly over a number of area codes (330 by default, about the registry's),
 * into a temporary directory; loads it with {@link NationalDncList} and prints the load time, lines/s, the list's
 * own memory, the heap used after a full GC, bytes per number, and the lookup rate of random probes (half listed).
 * {@code --hashset} also loads the same numbers into an Agrona {@link LongHashSet} and prints its heap, for the
 * comparison in {@code docs/performance.md}.
 * <p>
 * Options: {@code --millions N} (default 10), {@code --area-codes N} (default 330), {@code --runs N} (default 2),
 * {@code --probes N} (default 10,000,000), {@code --hashset}, {@code --file PATH} (load this file instead).
 */
public final class NationalDncLoadRun
{
    private static final long LINE_STRIDE = 7_654_321L;
    private static final long EXCHANGE_LINES = 8_000_000L;

    private NationalDncLoadRun()
    {
    }

    /**
     * Runs the load.
     *
     * @param args the options.
     * @throws IOException when the file cannot be written or read.
     */
    public static void main(final String[] args) throws IOException
    {
        double millions = 10;
        int areaCodes = 330;
        int runs = 2;
        int probes = 10_000_000;
        boolean hashSet = false;
        Path file = null;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--millions" -> millions = Double.parseDouble(args[++i]);
                case "--area-codes" -> areaCodes = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--probes" -> probes = Integer.parseInt(args[++i]);
                case "--hashset" -> hashSet = true;
                case "--file" -> file = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see the Javadoc");
            }
        }
        final long count = (long)(millions * 1_000_000);
        final boolean generated = null == file;
        if (generated)
        {
            file = Files.createTempFile("national-dnc-", ".txt");
            final long startNs = System.nanoTime();
            generate(file, count, areaCodes);
            System.out.printf("generated %,d numbers over %d area codes into %s (%,d MB) in %.1f s%n", count,
                areaCodes, file, Files.size(file) >> 20, (System.nanoTime() - startNs) / 1e9);
        }
        try
        {
            final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            for (int run = 1; run <= runs; run++)
            {
                final long baseline = usedAfterGc(memory);
                final DncLoadReport report = NationalDncList.newReport(file);
                final long startNs = System.nanoTime();
                final NationalDncList list = NationalDncList.load(file, LocalDate.now(), report);
                final long loadNs = System.nanoTime() - startNs;
                final long heap = usedAfterGc(memory) - baseline;
                final double lookupsPerSecond = probe(list, probes, areaCodes);
                System.out.printf("run %d: %,d numbers (%,d lines, %d bad) in %.2f s = %,.0f lines/s; list %,d MB " +
                    "(%.2f bytes/number), heap +%,d MB; %,.0f lookups/s%n", run, list.size(), report.lines(),
                    report.errorCount(), loadNs / 1e9, report.lines() / (loadNs / 1e9), list.memoryBytes() >> 20,
                    (double)list.memoryBytes() / Math.max(1, list.size()), heap >> 20, lookupsPerSecond);
            }
            if (hashSet)
            {
                final long baseline = usedAfterGc(memory);
                final long startNs = System.nanoTime();
                final LongHashSet set = fill(count, areaCodes);
                final long fillNs = System.nanoTime() - startNs;
                final long heap = usedAfterGc(memory) - baseline;
                System.out.printf("LongHashSet: %,d numbers added in %.2f s, heap +%,d MB (%.1f bytes/number)%n",
                    set.size(), fillNs / 1e9, heap >> 20, (double)heap / Math.max(1, set.size()));
            }
        }
        finally
        {
            if (generated)
            {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void generate(final Path file, final long count, final int areaCodes) throws IOException
    {
        final byte[] line = new byte[11];
        line[10] = '\n';
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))
        {
            for (long i = 0; i < count; i++)
            {
                final long number = number(i, areaCodes);
                long rest = number;
                for (int d = 9; d >= 0; d--)
                {
                    line[d] = (byte)('0' + rest % 10);
                    rest /= 10;
                }
                out.write(line);
            }
        }
    }

    /**
     * The i-th generated number: area codes 201, 202, ... in turn, and within one a permutation of its lines with
     * exchanges from 200 (so every number is distinct and valid).
     */
    private static long number(final long i, final int areaCodes)
    {
        final long areaCode = 201 + i % areaCodes;
        final long index = i / areaCodes;
        final long line = 2_000_000L + (index * LINE_STRIDE) % EXCHANGE_LINES;
        return areaCode * 10_000_000L + line;
    }

    private static LongHashSet fill(final long count, final int areaCodes)
    {
        final LongHashSet set = new LongHashSet();
        for (long i = 0; i < count; i++)
        {
            set.add(10_000_000_000L + number(i, areaCodes));
        }
        return set;
    }

    private static double probe(final NationalDncList list, final int probes, final int areaCodes)
    {
        final SplittableRandom random = new SplittableRandom(42);
        final long[] numbers = new long[probes];
        for (int i = 0; i < probes; i++)
        {
            numbers[i] = 10_000_000_000L + (random.nextBoolean() ? number(random.nextLong(list.size()), areaCodes) :
                (201 + random.nextInt(areaCodes)) * 10_000_000L + 2_000_000L + random.nextLong(EXCHANGE_LINES));
        }
        long hits = 0;
        final long startNs = System.nanoTime();
        for (int i = 0; i < probes; i++)
        {
            hits += list.contains(numbers[i]) ? 1 : 0;
        }
        final long ns = System.nanoTime() - startNs;
        if (hits == 0)
        {
            throw new IllegalStateException("no probe hit");
        }
        return probes / (ns / 1e9);
    }

    private static long usedAfterGc(final MemoryMXBean memory)
    {
        for (int i = 0; i < 3; i++)
        {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
