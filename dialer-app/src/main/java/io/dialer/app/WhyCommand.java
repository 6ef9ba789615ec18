/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.dialer.core.compliance.E164;
import io.dialer.core.lead.LeadListReader;
import io.dialer.core.lead.RegionNormaliser;
import io.dialer.core.report.NumberStory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dialer why NUMBER --journal DIR}: every attempt of a number with why it was dialable then and its proof
 * record, from a campaign's journal.
 */
@Command(
    name = "why",
    mixinStandardHelpOptions = true,
    description = {
        "Prints every attempt of a number in a campaign's journal: why it was dialable then (the calling window in",
        "the callee's zone, the state's rule, the do-not-call check with the list's size and date, the attempt",
        "counts), what happened on the call and its proof record for the abandonment rule (docs/compliance.md).",
        "The number is read like a lead list's phone column, in --region. Exit code 0, 1 when the number was",
        "never dialed nor closed, 2 when the number or the journal is not usable."
    })
public final class WhyCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NUMBER", description = "The number, as a lead list would give it (+1 214 555 0123, " +
        "(214) 555-0123).")
    private String number;

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "The campaign's journal " +
        "directory.")
    private Path journal;

    @Option(names = "--region", paramLabel = "CODE", defaultValue = "US", description = "The region numbers " +
        "without + are read in, the campaign's default_region (default: ${DEFAULT-VALUE}).")
    private String region;

    /**
     * Prints the number's story.
     *
     * @return the exit code.
     */
    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (!LeadListReader.isKnownRegion(region.toUpperCase(java.util.Locale.ROOT)))
        {
            err.println("why: --region '" + region + "' is not a region code (like US, CA, GB)");
            err.flush();
            return 2;
        }
        final RegionNormaliser normaliser = new RegionNormaliser(region);
        final long parsed = normaliser.normalise(number);
        if (E164.INVALID == parsed)
        {
            err.println("why: " + normaliser.problem(number));
            err.flush();
            return 2;
        }
        if (!Files.isDirectory(journal))
        {
            err.println("why: " + journal + ": no such journal directory");
            err.flush();
            return 2;
        }
        final NumberStory story = NumberStory.of(journal, E164.format(parsed), normaliser.region());
        story.print(out);
        return story.attempts().isEmpty() && story.closings().isEmpty() ? 1 : 0;
    }
}
