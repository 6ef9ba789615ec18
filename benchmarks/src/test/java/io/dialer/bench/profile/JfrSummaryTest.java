/*
 * Dialer benchmarks.
 */
package io.dialer.bench.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTrue;

class JfrSummaryTest
{
    private static final String BUSY_THREAD = "busy-worker-7";

    @TempDir
    Path dir;

    private final CountDownLatch sampled = new CountDownLatch(1);
    private volatile long sink;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldCountTheSampledThreadsTopFramesAndStacks() throws Exception
    {
        final Path file = dir.resolve("busy.jfr");
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"));
            RecordingStream stream = new RecordingStream())
        {
            // the busy thread spins until JFR has sampled it (seen on a stream), however loaded the machine is
            stream.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            stream.onEvent("jdk.ExecutionSample", (event) ->
            {
                final RecordedThread thread = event.getThread("sampledThread");
                if (null != thread && BUSY_THREAD.equals(thread.getJavaName()))
                {
                    sampled.countDown();
                }
            });
            stream.startAsync();
            recording.start();
            final Thread busy = new Thread(this::spinUntilSampled, BUSY_THREAD);
            busy.start();
            busy.join();
            recording.stop();
            recording.dump(file);
        }

        final JfrSummary all = new JfrSummary(null);
        all.read(file);
        final String busyMethod = JfrSummaryTest.class.getName() + ".spinUntilSampled";
        assertTrue(all.samples() > 0, "no execution sample");
        assertTrue(all.total().containsKey(busyMethod), all.total().toString());
        assertTrue(all.threads().containsKey("busy-worker-#"), all.threads().toString());

        final JfrSummary none = new JfrSummary("no-such-thread");
        none.read(file);
        assertTrue(0 == none.samples() && none.self().isEmpty());
    }

    private void spinUntilSampled()
    {
        long x = 0;
        while (sampled.getCount() > 0)
        {
            for (int i = 0; i < 100_000; i++)
            {
                x += x * 31 + i;
            }
        }
        sink = x;
    }
}
