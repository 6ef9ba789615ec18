/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.qualification.CompileResult;
import io.dialer.qualification.ScriptCompiler;
import io.dialer.qualification.TextFile;
import io.dialer.qualification.ValidationError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dialer validate FILE…}: checks files people write and prints {@code file:line:col: message} per error, or
 * {@code file: OK}. Exit code 0 only when every file is valid. The kind of each file is found by
 * {@link FileKind#accepts(Path, String)} (extension and content): qualification scripts, campaign files and closers
 * files (YAML, told apart by their top-level keys) and lead lists (CSV, which print {@code file:row: reason} per bad
 * row and a one-line summary); a script named with lead lists is checked against their columns (the lead fields
 * its prompts speak).
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

    /**
     * A kind of file the command can validate.
     */
    public interface FileKind
    {
        /**
         * A name for messages, like {@code qualification script}.
         *
         * @return the name.
         */
        String name();

        /**
         * Whether this kind handles the file.
         *
         * @param file    the file.
         * @param content its text.
         * @return true to validate it as this kind.
         */
        boolean accepts(Path file, String content);

        /**
         * Every error in the file.
         *
         * @param file    the file.
         * @param content its text.
         * @return the errors, empty when valid.
         */
        List<ValidationError> validate(Path file, String content);

        /**
         * Validates and prints the result: each error, or {@code file: OK}.
         *
         * @param file    the file.
         * @param content its text.
         * @param out     where to print.
         * @return true when the file is valid.
         */
        default boolean check(final Path file, final String content, final PrintWriter out)
        {
            final List<ValidationError> errors = validate(file, content);
            if (errors.isEmpty())
            {
                out.println(file + ": OK");
            }
            for (final ValidationError error : errors)
            {
                out.println(error);
            }
            return errors.isEmpty();
        }
    }

    /**
     * Qualification scripts: YAML with a top-level {@code questions:} key.
     */
    static final class QualificationScriptKind implements FileKind
    {
        private final List<Path> leadLists;
        private final String region;

        QualificationScriptKind(final List<Path> leadLists, final String region)
        {
            this.leadLists = leadLists;
            this.region = region;
        }

        public String name()
        {
            return "qualification script";
        }

        public boolean accepts(final Path file, final String content)
        {
            return isYaml(file) && ScriptCompiler.looksLikeScript(content);
        }

        public List<ValidationError> validate(final Path file, final String content)
        {
            final CompileResult result = ScriptCompiler.compile(file.toString(), content,
                file.toAbsolutePath().getParent());
            if (!result.isValid() || leadLists.isEmpty())
            {
                return result.errors();
            }
            final List<ValidationError> errors = new ArrayList<>();
            for (final Path leads : leadLists)
            {
                final LeadList header = new LeadListReader(region, 1).readHeader(leads);
                if (!header.report().hasFileError())
                {
                    errors.addAll(result.script().missingLeadFields(header.fieldNames(), leads.toString()));
                }
            }
            return errors;
        }
    }

    /**
     * The region numbers without {@code +} are read in when no campaign says otherwise.
     */
    static final String REGION_DEFAULT = "US";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files to validate.")
    private List<Path> files = List.of();

    @Option(names = "--dnc", arity = "1..*", paramLabel = "FILE",
        description = "Do-not-call files to validate (one number per line; files ending in .dnc are known anyway).")
    private List<Path> dncFiles = List.of();

    @Option(names = "--region", paramLabel = "CODE",
        description = "Region for numbers without + in lead lists and do-not-call files (default: ${DEFAULT-VALUE}).")
    private String region = REGION_DEFAULT;

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
        final List<FileKind> kinds = kinds(code, leadLists);
        boolean allValid = true;
        for (final Path file : files)
        {
            allValid &= check(file, out, kinds);
        }
        final DncKind dnc = new DncKind(code);
        for (final Path file : dncFiles)
        {
            allValid &= dnc.check(file, "", out);
        }
        out.flush();
        return allValid ? VALID : INVALID;
    }

    private static List<FileKind> kinds(final String region, final List<Path> leadLists)
    {
        return List.of(new QualificationScriptKind(leadLists, region), new CampaignKind(), new ClosersKind(),
            new LeadListKind(region), new DncKind(region));
    }

    /**
     * Validates one file of any known kind and prints the result as {@code dialer validate} does.
     *
     * @param file the file.
     * @param out  where to print.
     * @return true when valid.
     */
    public static boolean check(final Path file, final PrintWriter out)
    {
        return check(file, out, kinds(REGION_DEFAULT, List.of()));
    }

    private static boolean check(final Path file, final PrintWriter out, final List<FileKind> kinds)
    {
        final String content;
        try
        {
            content = content(file);
        }
        catch (final IOException ex)
        {
            out.println(unreadable(file, ex));
            return false;
        }
        final ValidationError early = early(file, content);
        if (null != early)
        {
            out.println(early);
            return false;
        }
        for (final FileKind kind : kinds)
        {
            if (kind.accepts(file, content))
            {
                return kind.check(file, content, out);
            }
        }
        out.println(unknownKind(file));
        return false;
    }

    /**
     * Validates one file of any known kind.
     *
     * @param file the file.
     * @return the errors, empty when valid.
     */
    public static List<ValidationError> validate(final Path file)
    {
        final String content;
        try
        {
            content = content(file);
        }
        catch (final IOException ex)
        {
            return List.of(unreadable(file, ex));
        }
        final ValidationError early = early(file, content);
        if (null != early)
        {
            return List.of(early);
        }
        for (final FileKind kind : kinds(REGION_DEFAULT, List.of()))
        {
            if (kind.accepts(file, content))
            {
                return kind.validate(file, content);
            }
        }
        return List.of(unknownKind(file));
    }

    /**
     * The text of a file, bytes that are not UTF-8 replaced (the kinds that care read the file themselves, or are
     * stopped by {@link #early(Path, String)}).
     */
    private static String content(final Path file) throws IOException
    {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /**
     * What stops a YAML file before its kind is known: text that is not UTF-8 (at its line), or no content at all.
     */
    private static ValidationError early(final Path file, final String content)
    {
        if (!isYaml(file))
        {
            return null;
        }
        if (content.indexOf('\uFFFD') >= 0)
        {
            try
            {
                final int line = TextFile.firstMalformedLine(Files.readAllBytes(file));
                if (line > 0)
                {
                    return new ValidationError(file.toString(), line, 1, TextFile.NOT_UTF8);
                }
            }
            catch (final IOException ex)
            {
                return unreadable(file, ex);
            }
        }
        for (final String line : content.split("\n", -1))
        {
            final String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !"---".equals(trimmed) && !"...".equals(trimmed))
            {
                return null;
            }
        }
        return new ValidationError(file.toString(), 1, 1, "the file is empty");
    }

    private static ValidationError unreadable(final Path file, final IOException ex)
    {
        return new ValidationError(file.toString(), 1, 1, TextFile.describe(file, ex));
    }

    private static ValidationError unknownKind(final Path file)
    {
        final String message = isYaml(file) ?
            "not a qualification script, campaign or closers file (no top-level 'questions:', 'trunk:' or " +
            "'caller_id:', or 'closers:')" :
            "unknown kind of file: expected a qualification script, campaign or closers file (.yaml or .yml), a " +
            "lead list (.csv) or a do-not-call list (.dnc, or any name after --dnc)";
        return new ValidationError(file.toString(), 1, 1, message);
    }

    static boolean isYaml(final Path file)
    {
        final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
