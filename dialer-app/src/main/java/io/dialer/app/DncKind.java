/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.compliance.DncFileReader;
import io.dialer.core.compliance.DncLoadReport;
import io.dialer.core.lead.RegionNormaliser;
import io.dialer.qualification.ValidationError;

/**
 * Do-not-call files for {@code dialer validate}: files named with {@code --dnc}, or ending in {@code .dnc}. Every
 * line is read as {@code dialer run} reads it (libphonenumber in the region, {@code --region}, US by default); prints
 * {@code file:line: reason} per bad line, then {@code file: N numbers, M bad lines, K duplicates}. Valid when every
 * line was read and understood.
 */
final class DncKind implements ValidateCommand.FileKind
{
    private final String region;

    DncKind(final String region)
    {
        this.region = region;
    }

    public String name()
    {
        return "do-not-call list";
    }

    public boolean accepts(final Path file, final String content)
    {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dnc");
    }

    public List<ValidationError> validate(final Path file, final String content)
    {
        return CampaignLoader.dncErrors(file.toString(), read(file));
    }

    public boolean check(final Path file, final String content, final PrintWriter out)
    {
        final DncLoadReport report = read(file);
        for (final ValidationError error : CampaignLoader.dncErrors(file.toString(), report))
        {
            out.println(error);
        }
        out.println(file + ": " + report.added() + " numbers, " + report.errorCount() + " bad lines, " +
            report.duplicates() + " duplicates");
        return report.isClean();
    }

    private DncLoadReport read(final Path file)
    {
        return new DncFileReader(new RegionNormaliser(region)).check(file);
    }
}
