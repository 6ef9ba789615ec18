/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.dialer.core.check.DncKind;
import io.dialer.core.check.FileCheck;
import io.dialer.core.check.FileChecker;
import io.dialer.core.check.FileKind;
import io.dialer.core.lead.LeadListReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dialer validate FILE…}: checks files people write and prints {@code file:line:col: message} per error, or
 * {@code file: OK}. Exit code 0 only when every file is valid. The checks are {@link FileChecker}'s (shared with the
 * server's uploads): the kind of each file is found by its extension and content: qualification scripts, campaign
 * files and closers files (YAML, told apart by their top-level keys) and lead lists (CSV, which print
 * {@code file:row: reason} per bad row and a one-line summary); a script named with lead lists is checked against
 * their columns (the lead fields its prompts speak).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
        "Validate files before a campaign: qualification scripts, campaign and closers files (.yaml, .yml) and " +
            "lead lists (.csv).",
        "Prints file:line:column: message for each error, or file: OK; for lead lists file:row: reason per bad " +
            "row and a summary, for do-not-call lists (--dnc FILE, or .dnc) file:line: reason per bad line and a " +
            "summary. Exit code 0 only when all are valid."
    })
public final class ValidateCommand implements Callable<Integer>
{
    /**
     * Exit code when every file is valid.
     */
    public static final int VALID = 0;

    /**
     * Exit code when a file is invalid, unreadable or of an unknown kind.
     */
    public static final int INVALID = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files to validate.")
    private List<Path> files = List.of();

    @Option(names = "--dnc", arity = "1..*", paramLabel = "FILE",
        description = "Do-not-call files to validate (one number per line; files ending in .dnc are known anyway).")
    private List<Path> dncFiles = List.of();

    @Option(names = "--region", paramLabel = "CODE",
        description = "Region for numbers without + in lead lists and do-not-call files (default: ${DEFAULT-VALUE}).")
    private String region = FileChecker.REGION_DEFAULT;

    /**
     * Validates every file.
     *
     * @return {@link #VALID} or {@link #INVALID}.
     */
    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final String code = region.trim().toUpperCase(Locale.ROOT);
        if (!LeadListReader.isKnownRegion(code))
        {
            out.println("--region '" + region + "' is not a region code (like US, CA, GB)");
            out.flush();
            return INVALID;
        }
        if (files.isEmpty() && dncFiles.isEmpty())
        {
            out.println("nothing to validate: name files, or do-not-call files with --dnc");
            out.flush();
            return INVALID;
        }
        final List<Path> leadLists = new ArrayList<>();
        for (final Path file : files)
        {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
            {
                leadLists.add(file);
            }
        }
        final List<FileKind> kinds = FileChecker.kinds(code, leadLists);
        boolean allValid = true;
        for (final Path file : files)
        {
            final FileCheck check = FileChecker.check(file, file.toString(), kinds);
            check.print(out);
            allValid &= check.isValid();
        }
        final DncKind dnc = new DncKind(code);
        for (final Path file : dncFiles)
        {
            final FileCheck check = dnc.check(file, file.toString(), null);
            check.print(out);
            allValid &= check.isValid();
        }
        out.flush();
        return allValid ? VALID : INVALID;
    }
}
