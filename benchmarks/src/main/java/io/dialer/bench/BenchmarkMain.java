/*
 * Dialer benchmarks.
 */
package io.dialer.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;

import io.dialer.bench.compliance.NationalDncLoadRun;
import io.dialer.bench.lead.LeadIngestRun;
import io.dialer.bench.load.CampaignLoadRun;
import io.dialer.bench.load.DialPathLoadRun;
import io.dialer.bench.load.ServeLoadRun;
import io.dialer.bench.load.SetupRateLoadRun;
import io.dialer.bench.profile.JfrSummary;
import io.dialer.core.engine.PipelineRun;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Entry point of {@code benchmarks.jar}: the JMH command line, with the JVM flags that Agrona and Chronicle need
 * appended to every fork. The flags come from the parent pom (one declaration) through a filtered resource.
 * <p>
 * {@code java -jar benchmarks.jar load OPTIONS} runs the SIP call-setup load run ({@link SetupRateLoadRun}) instead;
 * started with {@code -jar}, it gets the same flags from the jar's manifest. {@code java -jar benchmarks.jar ingest
 * OPTIONS} runs the lead-list ingest load run ({@link LeadIngestRun}), {@code java -jar benchmarks.jar campaign
 * OPTIONS} the campaign engine load run against SIPp ({@link CampaignLoadRun}), {@code java -jar benchmarks.jar
 * serve OPTIONS} the same campaign through {@code dialer serve}'s HTTP API and consoles ({@link ServeLoadRun}),
 * {@code java -jar benchmarks.jar dialpath OPTIONS} the qualified → closer INVITE path in isolation
 * ({@link DialPathLoadRun}), {@code java -jar benchmarks.jar pipeline OPTIONS} the controller's pipeline on the
 * Disruptor against an {@code ArrayBlockingQueue} baseline ({@link PipelineRun}), {@code java -jar benchmarks.jar
 * jfr-summary FILE.jfr} the top frames of a JFR recording by self time ({@link JfrSummary}).
 */
public final class BenchmarkMain
{
    private BenchmarkMain()
    {
    }

    /**
     * Runs JMH with the given JMH command-line arguments.
     *
     * @param args JMH arguments, for example {@code -prof gc G711}, or {@code load}, {@code campaign} or {@code ingest} and the load
     *             run's options.
     * @throws CommandLineOptionException when the arguments are not JMH's.
     * @throws RunnerException when a benchmark fails.
     * @throws Exception when the load run cannot start.
     */
    public static void main(final String[] args) throws Exception
    {
        if (args.length > 0 && "load".equals(args[0]))
        {
            SetupRateLoadRun.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && "campaign".equals(args[0]))
        {
            CampaignLoadRun.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && "serve".equals(args[0]))
        {
            ServeLoadRun.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && "dialpath".equals(args[0]))
        {
            DialPathLoadRun.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && "national-dnc".equals(args[0]))
        {
            NationalDncLoadRun.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && "pipeline".equals(args[0]))
        {
            PipelineRun.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && "jfr-summary".equals(args[0]))
        {
            JfrSummary.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && "ingest".equals(args[0]))
        {
            LeadIngestRun.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }

        final CommandLineOptions cmd = new CommandLineOptions(args);
        if (cmd.shouldHelp() || cmd.shouldList() || cmd.shouldListProfilers() || cmd.shouldListResultFormats())
        {
            org.openjdk.jmh.Main.main(args);
            return;
        }

        final ChainedOptionsBuilder builder = new OptionsBuilder().parent(cmd);
        builder.jvmArgsAppend(jvmFlags());
        new Runner(builder.build()).run();
    }

    /**
     * The flags every forked benchmark JVM gets.
     *
     * @return the flags, one per element.
     * @throws IOException when the resource cannot be read.
     */
    public static String[] jvmFlags() throws IOException
    {
        final Properties properties = new Properties();
        try (InputStream in = BenchmarkMain.class.getResourceAsStream("/jvm-flags.properties"))
        {
            if (null == in)
            {
                throw new IOException("jvm-flags.properties missing from the benchmarks jar");
            }
            properties.load(in);
        }
        final String flags = properties.getProperty("jvm.flags", "").trim();
        return flags.isEmpty() ? new String[0] : flags.split("\\s+");
    }
}
