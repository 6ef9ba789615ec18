/*
 * File checks.
 */
package io.dialer.core.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.qualification.CompileResult;
import io.dialer.qualification.ScriptCompiler;
import io.dialer.qualification.ValidationError;

/**
 * Qualification scripts: YAML with a top-level {@code questions:} key, compiled with {@link ScriptCompiler} (list
 * files resolved next to the file); when lead lists are given, each {@code {lead.<field>}} the prompts speak that a
 * list lacks is an error at the placeholder.
 */
public final class ScriptKind implements FileKind
{
    private final List<Path> leadLists;
    private final String region;

    /**
     * A script kind that also checks the scripts against lead lists' columns.
     *
     * @param leadLists lead lists whose headers the prompts' lead fields must be in (may be empty).
     * @param region    the region the lead lists are read in, like {@code US}.
     */
    public ScriptKind(final List<Path> leadLists, final String region)
    {
        this.leadLists = List.copyOf(leadLists);
        this.region = region;
    }

    /**
     * A script kind on its own.
     */
    public ScriptKind()
    {
        this(List.of(), FileChecker.REGION_DEFAULT);
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return "qualification script";
    }

    /**
     * {@inheritDoc}
     */
    public boolean needsContent()
    {
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public boolean accepts(final Path file, final String content)
    {
        return FileChecker.isYaml(file) && ScriptCompiler.looksLikeScript(content);
    }

    /**
     * {@inheritDoc}
     */
    public FileCheck check(final Path file, final String name, final String content)
    {
        return FileCheck.of(name, name(), errors(compile(file, name, content)));
    }

    /**
     * Compiles the script, list files resolved in the file's directory.
     *
     * @param file    the file.
     * @param name    the name to report against.
     * @param content its text.
     * @return the script or its errors.
     */
    public CompileResult compile(final Path file, final String name, final String content)
    {
        return ScriptCompiler.compile(name, content, file.toAbsolutePath().getParent());
    }

    private List<ValidationError> errors(final CompileResult result)
    {
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
