/*
 * Dialer command line.
 */
package io.dialer.app;

import java.nio.file.Path;
import java.util.List;

import io.dialer.core.campaign.ClosersFile;
import io.dialer.qualification.ValidationError;

/**
 * Closers files for {@code dialer validate}: YAML with a top-level {@code closers:} list.
 */
final class ClosersKind implements ValidateCommand.FileKind
{
    public String name()
    {
        return "closers file";
    }

    public boolean accepts(final Path file, final String content)
    {
        return ValidateCommand.isYaml(file) && ClosersFile.looksLikeClosers(content);
    }

    public List<ValidationError> validate(final Path file, final String content)
    {
        return ClosersFile.read(file.toString(), content).errors();
    }
}
