/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.core.lead.LeadProblem;
import io.dialer.qualification.ValidationError;

/**
 * Lead lists for {@code dialer validate}: {@code .csv} files (comma, semicolon or tab separated), read from the file
 * itself (so a file that is not UTF-8 is reported at its row), numbers read in the region given (US unless {@code --region} says otherwise). Prints
 * {@code file:row: reason} per bad row, merged duplicate and warning ({@code warning:} prefix), then
 * {@code file: N leads, M bad rows, K duplicates merged}. Valid when no row is bad and the file could be read;
 * duplicates and warnings do not fail it.
 */
final class LeadListKind implements ValidateCommand.FileKind
{
    private final String region;

    LeadListKind(final String region)
    {
        this.region = region;
    }

    public String name()
    {
        return "lead list";
    }

    public boolean accepts(final Path file, final String content)
    {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    public List<ValidationError> validate(final Path file, final String content)
    {
        final LeadList leads = new LeadListReader(region).read(file);
        final List<ValidationError> errors = new ArrayList<>();
        for (final LeadProblem problem : leads.report().problems())
        {
            if (problem.isError())
            {
                errors.add(new ValidationError(file.toString(), problem.row(), 0, problem.message()));
            }
        }
        return errors;
    }

    public boolean check(final Path file, final String content, final PrintWriter out)
    {
        final LeadList leads = new LeadListReader(region).read(file);
        for (final LeadProblem problem : leads.report().problems())
        {
            out.println(problem.format(file.toString()));
        }
        out.println(file + ": " + leads.summary());
        return leads.report().isClean();
    }
}
