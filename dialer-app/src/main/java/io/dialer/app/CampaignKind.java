/*
 * Dialer command line.
 */
package io.dialer.app;

import java.nio.file.Path;
import java.util.List;

import io.dialer.core.campaign.CampaignLoader;
import io.dialer.qualification.ValidationError;

/**
 * Campaign files for {@code dialer validate}: YAML with a top-level {@code trunk:} or {@code caller_id:} key. The
 * script and closers file they name are validated with them, and every line of their do-not-call files.
 */
final class CampaignKind implements ValidateCommand.FileKind
{
    public String name()
    {
        return "campaign file";
    }

    public boolean accepts(final Path file, final String content)
    {
        return ValidateCommand.isYaml(file) && CampaignLoader.looksLikeCampaign(content);
    }

    public List<ValidationError> validate(final Path file, final String content)
    {
        return CampaignLoader.validate(file.toString(), content, file.toAbsolutePath().getParent()).errors();
    }
}
