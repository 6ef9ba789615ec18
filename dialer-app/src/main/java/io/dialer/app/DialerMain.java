/*
 * Dialer command line.
 */
package io.dialer.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dialer} command line: one runnable jar, one subcommand per job.
 */
@Command(
    name = "dialer",
    mixinStandardHelpOptions = true,
    versionProvider = DialerMain.Version.class,
    description = "High-throughput outbound dialer with live warm transfer.",
    subcommands = {
        ValidateCommand.class,
        DryRunCommand.class,
        AmdCommand.class,
        DemoCommand.class,
        RunCommand.class,
        ReportCommand.class,
        WhyCommand.class,
        ServeCommand.class,
        SimulateCommand.class,
        CommandLine.HelpCommand.class
    })
public final class DialerMain implements Runnable
{
    static final String CHRONICLE_ANALYTICS_PROP_NAME = "chronicle.analytics.disable";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args command-line arguments.
     */
    public static void main(final String[] args)
    {
        System.exit(execute(args));
    }

    /**
     * Runs the command line without exiting, for tests.
     *
     * @param args command-line arguments.
     * @return the exit code.
     */
    public static int execute(final String... args)
    {
        // Chronicle Queue (the journal) phones home unless told not to; the dialer never sends data anywhere
        if (null == System.getProperty(CHRONICLE_ANALYTICS_PROP_NAME))
        {
            System.setProperty(CHRONICLE_ANALYTICS_PROP_NAME, "true");
        }
        return new CommandLine(new DialerMain()).execute(args);
    }

    /**
     * Without a subcommand, print the usage.
     */
    @Override
    public void run()
    {
        spec.commandLine().usage(System.out);
    }

    /**
     * The version from the jar's manifest.
     */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            final String version = DialerMain.class.getPackage().getImplementationVersion();
            return new String[]{"dialer " + (null == version ? "dev" : version)};
        }
    }
}
