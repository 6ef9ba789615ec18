/*
 * File checks.
 */
package io.dialer.core.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.core.lead.LeadProblem;

/**
 * Lead lists: {@code .csv} files (comma, semicolon or tab separated), read as a stream from the file itself (so a
 * file that is not UTF-8 is reported at its row), numbers read in the region given. Finds each bad row, merged
 * duplicate and warning ({@code file:row: reason}), then the summary {@code N leads, M bad rows, K duplicates merged}.
 * Valid when no row is bad and the file could be read; duplicates and warnings do not fail it.
 */
public final class LeadListKind implements FileKind
{
    private final String region;

    /**
     * Lead lists read in a region.
     *
     * @param region the region numbers without {@code +} are read in, like {@code US}.
     */
    public LeadListKind(final String region)
    {
        this.region = region;
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return "lead list";
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
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /**
     * {@inheritDoc}
     */
    public FileCheck check(final Path file, final String name, final String content)
    {
        return check(new LeadListReader(region).read(file), name);
    }

    /**
     * The check of a lead list already read.
     *
     * @param leads the list.
     * @param name  the name to report against.
     * @return what was found, with the list's summary.
     */
    public FileCheck check(final LeadList leads, final String name)
    {
        final List<Finding> findings = new ArrayList<>(leads.report().problems().size());
        for (final LeadProblem problem : leads.report().problems())
        {
            final Finding.Severity severity = problem.isError() ? Finding.Severity.ERROR :
                LeadProblem.Kind.DUPLICATE == problem.kind() ? Finding.Severity.MERGED : Finding.Severity.WARNING;
            final long line = 0 != problem.line() && problem.line() != problem.row() ? problem.line() : 0;
            findings.add(new Finding(name, line, 0, problem.row(), severity, problem.message(),
                problem.format(name)));
        }
        return new FileCheck(name, name(), leads.report().isClean(), findings, leads.summary());
    }

    /**
     * Whether a lead list cannot be used at all: a file-level problem before any lead was read (unreadable, empty,
     * no phone column in the header, a header that cannot be read).
     *
     * @param leads the list.
     * @return true when nothing could be loaded because of the file itself.
     */
    public static boolean isUnusable(final LeadList leads)
    {
        return leads.report().hasFileError() && 0 == leads.size() && 0 == leads.report().badRows() &&
            0 == leads.report().duplicates();
    }
}
