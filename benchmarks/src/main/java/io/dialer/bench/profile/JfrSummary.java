/*
 * Dialer benchmarks.
 */
package io.dialer.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples of a JFR recording ({@code jdk.ExecutionSample}, Java code running on a CPU): the top
 * methods by self time (the sampled top frame), the top methods by total time (anywhere on the sampled stack, once
 * per sample), and the samples per thread, each as a share of all samples.
 * <pre>
 * java -XX:StartFlightRecording=filename=run.jfr,settings=profile -jar benchmarks.jar campaign ...
 * java -jar benchmarks/target/benchmarks.jar jfr-summary run.jfr --top 20
 * </pre>
 * Options after the file: {@code --top N} (rows per table, default 20), {@code --thread TEXT} (only threads whose
 * name contains it).
 */
public final class JfrSummary
{
    private static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    private final Map<String, Integer> self = new HashMap<>();
    private final Map<String, Integer> total = new HashMap<>();
    private final Map<String, Integer> threads = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final String threadFilter;
    private int samples;

    JfrSummary(final String threadFilter)
    {
        this.threadFilter = threadFilter;
    }

    /**
     * Prints the summary.
     *
     * @param args the recording, then options (see the class comment).
     * @throws IOException when the recording cannot be read.
     */
    public static void main(final String[] args) throws IOException
    {
        if (args.length < 1)
        {
            System.err.println("usage: jfr-summary FILE.jfr [--top N] [--thread TEXT]");
            System.exit(2);
        }
        int top = 20;
        String thread = null;
        for (int i = 1; i + 1 < args.length; i += 2)
        {
            switch (args[i])
            {
                case "--top" -> top = Integer.parseInt(args[i + 1]);
                case "--thread" -> thread = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--top, --thread)");
            }
        }
        final JfrSummary summary = new JfrSummary(thread);
        summary.read(Path.of(args[0]));
        summary.print(top);
    }

    void read(final Path file) throws IOException
    {
        try (RecordingFile recording = new RecordingFile(file))
        {
            while (recording.hasMoreEvents())
            {
                final RecordedEvent event = recording.readEvent();
                if (EXECUTION_SAMPLE.equals(event.getEventType().getName()))
                {
                    add(event);
                }
            }
        }
    }

    private void add(final RecordedEvent event)
    {
        final RecordedThread thread = event.getThread("sampledThread");
        final String threadName = null == thread ? "?" : String.valueOf(thread.getJavaName());
        if (null != threadFilter && !threadName.contains(threadFilter))
        {
            return;
        }
        final RecordedStackTrace stack = event.getStackTrace();
        if (null == stack || stack.getFrames().isEmpty())
        {
            return;
        }
        samples++;
        threads.merge(threadGroup(threadName), 1, Integer::sum);
        final List<RecordedFrame> frames = stack.getFrames();
        self.merge(name(frames.get(0)), 1, Integer::sum);
        seen.clear();
        for (final RecordedFrame frame : frames)
        {
            final String name = name(frame);
            if (seen.add(name))
            {
                total.merge(name, 1, Integer::sum);
            }
        }
    }

    int samples()
    {
        return samples;
    }

    Map<String, Integer> self()
    {
        return self;
    }

    Map<String, Integer> total()
    {
        return total;
    }

    Map<String, Integer> threads()
    {
        return threads;
    }

    private void print(final int top)
    {
        System.out.printf(Locale.ROOT, "%d execution samples%s%n", samples,
            null == threadFilter ? "" : " in threads containing '" + threadFilter + "'");
        table("top methods by self time (top frame)", self, top);
        table("top methods by total time (on the stack)", total, top);
        table("samples by thread (digits folded to #)", threads, top);
    }

    private void table(final String title, final Map<String, Integer> counts, final int top)
    {
        System.out.printf(Locale.ROOT, "%n%s:%n", title);
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(top)
            .forEach((e) -> System.out.printf(Locale.ROOT, "  %6.2f%% %7d  %s%n",
                100.0 * e.getValue() / Math.max(1, samples), e.getValue(), e.getKey()));
    }

    private static String name(final RecordedFrame frame)
    {
        final RecordedMethod method = frame.getMethod();
        if (null == method)
        {
            return "?";
        }
        return method.getType().getName() + "." + method.getName();
    }

    private static String threadGroup(final String threadName)
    {
        return threadName.replaceAll("[0-9]+", "#");
    }
}
