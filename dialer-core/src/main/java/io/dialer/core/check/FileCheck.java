/*
 * File checks.
 */
package io.dialer.core.check;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import io.dialer.qualification.ValidationError;

/**
 * What checking one file found: its findings in file order, whether it is valid, and for lead and do-not-call lists
 * a one-line summary. {@link #print(PrintWriter)} writes it as {@code dialer validate} does.
 */
public final class FileCheck
{
    private final String file;
    private final String kind;
    private final boolean valid;
    private final List<Finding> findings;
    private final String summary;

    /**
     * A result.
     *
     * @param file     the file's name as reported.
     * @param kind     the kind of file, like {@code lead list}, or null when not known.
     * @param valid    whether the file is valid.
     * @param findings what was found, in file order.
     * @param summary  the summary after the findings (lead and do-not-call lists), or null.
     */
    public FileCheck(
        final String file, final String kind, final boolean valid, final List<Finding> findings, final String summary)
    {
        this.file = file;
        this.kind = kind;
        this.valid = valid;
        this.findings = List.copyOf(findings);
        this.summary = summary;
    }

    /**
     * A result from validation errors: valid when there is none.
     *
     * @param file   the file's name.
     * @param kind   the kind of file, or null.
     * @param errors the errors.
     * @return the result.
     */
    public static FileCheck of(final String file, final String kind, final List<ValidationError> errors)
    {
        final List<Finding> findings = new ArrayList<>(errors.size());
        for (final ValidationError error : errors)
        {
            findings.add(Finding.of(error));
        }
        return new FileCheck(file, kind, errors.isEmpty(), findings, null);
    }

    /**
     * The file's name as reported.
     *
     * @return the name.
     */
    public String file()
    {
        return file;
    }

    /**
     * The kind of file, like {@code qualification script}.
     *
     * @return the kind, or null when it could not be told.
     */
    public String kind()
    {
        return kind;
    }

    /**
     * Whether the file is valid (warnings and merged duplicates do not make it invalid).
     *
     * @return true when valid.
     */
    public boolean isValid()
    {
        return valid;
    }

    /**
     * Every finding in file order.
     *
     * @return the findings.
     */
    public List<Finding> findings()
    {
        return findings;
    }

    /**
     * The findings that make the file invalid.
     *
     * @return the errors as validation errors.
     */
    public List<ValidationError> errors()
    {
        final List<ValidationError> errors = new ArrayList<>();
        for (final Finding finding : findings)
        {
            if (Finding.Severity.ERROR == finding.severity())
            {
                errors.add(finding.toValidationError());
            }
        }
        return errors;
    }

    /**
     * The summary line's text after {@code file: }, like {@code 3 leads, 4 bad rows, 1 duplicates merged}.
     *
     * @return the summary, or null for kinds without one.
     */
    public String summary()
    {
        return summary;
    }

    /**
     * Prints as {@code dialer validate} does: {@code file: OK} when a file without a summary has no finding, each
     * finding's line, then {@code file: summary} when there is a summary.
     *
     * @param out where to print.
     */
    public void print(final PrintWriter out)
    {
        if (null == summary && findings.isEmpty())
        {
            out.println(file + ": OK");
        }
        for (final Finding finding : findings)
        {
            out.println(finding.text());
        }
        if (null != summary)
        {
            out.println(file + ": " + summary);
        }
    }
}
