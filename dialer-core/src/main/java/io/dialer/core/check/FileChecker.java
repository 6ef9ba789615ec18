/*
 * File checks.
 */
package io.dialer.core.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.dialer.qualification.TextFile;
import io.dialer.qualification.ValidationError;

/**
 * Checks files of the known kinds as {@code dialer validate} does: what stops a YAML file before its kind is known
 * (text that is not UTF-8, at its line; nothing but comments), then the first kind that accepts it, else an unknown
 * kind. The server checks an upload as the kind its endpoint expects with {@link #check(Path, String, FileKind)}.
 */
public final class FileChecker
{
    /**
     * The region numbers without {@code +} are read in when no campaign says otherwise.
     */
    public static final String REGION_DEFAULT = "US";

    private FileChecker()
    {
    }

    /**
     * Every kind {@code dialer validate} knows, in the order they are tried.
     *
     * @param region    the region lead and do-not-call lists are read in.
     * @param leadLists lead lists scripts are checked against (may be empty).
     * @return the kinds.
     */
    public static List<FileKind> kinds(final String region, final List<Path> leadLists)
    {
        return List.of(new ScriptKind(leadLists, region), new CampaignKind(), new ClosersKind(),
            new StateRulesKind(), new LeadListKind(region), new DncKind(region));
    }

    /**
     * Checks a file of any of the kinds: the first that accepts it.
     *
     * @param file  the file.
     * @param name  the name to report against.
     * @param kinds the kinds to try, in order.
     * @return what was found.
     */
    public static FileCheck check(final Path file, final String name, final List<FileKind> kinds)
    {
        final String content;
        try
        {
            content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            return failed(name, null, unreadable(file, name, ex));
        }
        final ValidationError early = early(file, name, content);
        if (null != early)
        {
            return failed(name, null, early);
        }
        for (final FileKind kind : kinds)
        {
            if (kind.accepts(file, content))
            {
                return kind.check(file, name, content);
            }
        }
        return failed(name, null, unknownKind(file, name));
    }

    /**
     * Checks a file as one kind, whatever its name says: the server's uploads, whose endpoint tells the kind. A text
     * kind's file is read whole and stopped early as {@code dialer validate} stops it (not UTF-8, empty); the others
     * read the file as a stream.
     *
     * @param file the file.
     * @param name the name to report against.
     * @param kind the kind.
     * @return what was found.
     */
    public static FileCheck check(final Path file, final String name, final FileKind kind)
    {
        if (!kind.needsContent())
        {
            return kind.check(file, name, null);
        }
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(file);
        }
        catch (final IOException ex)
        {
            return failed(name, kind.name(), unreadable(file, name, ex));
        }
        final ValidationError early = early(bytes, name, new String(bytes, StandardCharsets.UTF_8));
        if (null != early)
        {
            return failed(name, kind.name(), early);
        }
        return kind.check(file, name, new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * Whether a file is YAML by its name.
     *
     * @param file the file.
     * @return true for {@code .yaml} and {@code .yml}.
     */
    public static boolean isYaml(final Path file)
    {
        final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static FileCheck failed(final String name, final String kind, final ValidationError error)
    {
        return FileCheck.of(name, kind, List.of(error));
    }

    /**
     * What stops a YAML file before its kind is known: text that is not UTF-8 (at its line), or no content at all.
     */
    private static ValidationError early(final Path file, final String name, final String content)
    {
        if (!isYaml(file))
        {
            return null;
        }
        if (content.indexOf('\uFFFD') >= 0)
        {
            try
            {
                return early(Files.readAllBytes(file), name, content);
            }
            catch (final IOException ex)
            {
                return unreadable(file, name, ex);
            }
        }
        return early(new byte[0], name, content);
    }

    private static ValidationError early(final byte[] bytes, final String name, final String content)
    {
        if (content.indexOf('\uFFFD') >= 0)
        {
            final int line = TextFile.firstMalformedLine(bytes);
            if (line > 0)
            {
                return new ValidationError(name, line, 1, TextFile.NOT_UTF8);
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
        return new ValidationError(name, 1, 1, "the file is empty");
    }

    private static ValidationError unreadable(final Path file, final String name, final IOException ex)
    {
        return new ValidationError(name, 1, 1, TextFile.describe(file, ex));
    }

    private static ValidationError unknownKind(final Path file, final String name)
    {
        final String message = isYaml(file) ?
            "not a qualification script, campaign or closers file (no top-level 'questions:', 'trunk:' or " +
            "'caller_id:', or 'closers:')" :
            "unknown kind of file: expected a qualification script, campaign or closers file (.yaml or .yml), a " +
            "lead list (.csv) or a do-not-call list (.dnc, or any name after --dnc)";
        return new ValidationError(name, 1, 1, message);
    }
}
