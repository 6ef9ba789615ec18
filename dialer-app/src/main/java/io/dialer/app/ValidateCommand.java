/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.dialer.qualification.ScriptCompiler;
import io.dialer.qualification.ValidationError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code dialer validate FILE…}: checks files people write and prints {@code file:line:col: message} per error, or
 * {@code file: OK}. Exit code 0 only when every file is valid. The kind of each file is found by
 * {@link FileKind#accepts(Path, String)} (extension and content); qualification scripts are known today, lead lists
 * and campaign files plug in as further {@link FileKind}s.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
        "Validate files before a campaign: qualification scripts (.yaml, .yml).",
        "Prints file:line:column: message for each error, or file: OK. Exit code 0 only when all are valid."
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
    }

    /**
     * Qualification scripts: YAML with a top-level {@code questions:} key.
     */
    static final class QualificationScriptKind implements FileKind
    {
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
            return ScriptCompiler.compile(file.toString(), content, file.toAbsolutePath().getParent()).errors();
        }
    }

    private static final List<FileKind> KINDS = List.of(new QualificationScriptKind());

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to validate.")
    private List<Path> files;

    /**
     * Validates every file.
     *
     * @return {@link #VALID} or {@link #INVALID}.
     */
    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        for (final Path file : files)
        {
            final List<ValidationError> errors = validate(file);
            if (errors.isEmpty())
            {
                out.println(file + ": OK");
            }
            else
            {
                allValid = false;
                for (final ValidationError error : errors)
                {
                    out.println(error);
                }
            }
        }
        out.flush();
        return allValid ? VALID : INVALID;
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
            content = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            return List.of(new ValidationError(file.toString(), 1, 1, "cannot read the file (" +
                ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")"));
        }
        for (final FileKind kind : KINDS)
        {
            if (kind.accepts(file, content))
            {
                return kind.validate(file, content);
            }
        }
        final String message = isYaml(file) ?
            "not a qualification script (no top-level 'questions:'); campaign files are not supported yet" :
            "unknown kind of file: expected a qualification script (.yaml or .yml)";
        return List.of(new ValidationError(file.toString(), 1, 1, message));
    }

    static boolean isYaml(final Path file)
    {
        final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
