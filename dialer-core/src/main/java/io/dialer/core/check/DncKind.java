/*
 * File checks.
 */
package io.dialer.core.check;

import java.nio.file.Path;
import java.util.Locale;

import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.compliance.DncFileReader;
import io.dialer.core.compliance.DncLoadReport;
import io.dialer.core.lead.RegionNormaliser;

/**
 * Do-not-call lists: files ending in {@code .dnc} (or named as such on the command line). Every line is read as
 * {@code dialer run} reads it (libphonenumber in the region); finds {@code file:line: reason} per bad line, then the
 * summary {@code N numbers, M bad lines, K duplicates}. Valid when every line was read and understood.
 */
public final class DncKind implements FileKind
{
    private final String region;

    /**
     * Do-not-call lists read in a region.
     *
     * @param region the region, like {@code US}.
     */
    public DncKind(final String region)
    {
        this.region = region;
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return "do-not-call list";
    }

    /**
     * {@inheritDoc}
     */
    public boolean needsContent()
    {
        return false;
    }

    /**
     * {@inheritDoc}
     */
    public boolean accepts(final Path file, final String content)
    {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dnc");
    }

    /**
     * {@inheritDoc}
     */
    public FileCheck check(final Path file, final String name, final String content)
    {
        final DncLoadReport report = new DncFileReader(new RegionNormaliser(region)).check(file);
        final FileCheck errors = FileCheck.of(name, name(), CampaignLoader.dncErrors(name, report));
        return new FileCheck(name, name(), report.isClean(), errors.findings(), report.added() + " numbers, " +
            report.errorCount() + " bad lines, " + report.duplicates() + " duplicates");
    }
}
