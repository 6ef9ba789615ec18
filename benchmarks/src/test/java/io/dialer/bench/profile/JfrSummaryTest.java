/*
 * Dialer benchmarks.
 */
package io.dialer.bench.profile;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTrue;

class JfrSummaryTest
{
    @TempDir
    Path dir;

    private volatile long sink;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldCountTheSampledThreadsTopFramesAndStacks() throws Exception
    {
        final Path file = dir.resolve("busy.jfr");
        try (Recording recording = new Recording(Configuration.getConfiguration("profile")))
        {
            recording.start();
            final Thread busy = new Thread(this::spinHalfASecond, "busy-worker-7");
            busy.start();
            busy.join();
            recording.stop();
            recording.dump(file);
        }

        final JfrSummary all = new JfrSummary(null);
        all.read(file);
        assertTrue(all.samples() > 0, "no execution sample in half a second of a busy thread");
        final String busyMethod = JfrSummaryTest.class.getName() + ".spinHalfASecond";
        assertTrue(all.total().containsKey(busyMethod), all.total().toString());
        assertTrue(all.threads().containsKey("busy-worker-#"), all.threads().toString());

        final JfrSummary none = new JfrSummary("no-such-thread");
        none.read(file);
        assertTrue(0 == none.samples() && none.self().isEmpty());
    }

    private void spinHalfASecond()
    {
        final long end = System.nanoTime() + 500_000_000L;
        long x = 0;
        while (System.nanoTime() < end)
        {
            x += x * 31 + 7;
        }
        sink = x;
    }
}
