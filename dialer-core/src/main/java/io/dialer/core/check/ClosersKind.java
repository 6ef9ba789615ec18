/*
 * File checks.
 */
package io.dialer.core.check;

import java.nio.file.Path;

import io.dialer.core.campaign.ClosersFile;

/**
 * Closers files: YAML with a top-level {@code closers:} list, checked by {@link ClosersFile}.
 */
public final class ClosersKind implements FileKind
{
    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return "closers file";
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
        return FileChecker.isYaml(file) && ClosersFile.looksLikeClosers(content);
    }

    /**
     * {@inheritDoc}
     */
    public FileCheck check(final Path file, final String name, final String content)
    {
        return FileCheck.of(name, name(), ClosersFile.read(name, content).errors());
    }
}
