/*
 * File checks.
 */
package io.dialer.core.check;

import java.nio.file.Path;

import io.dialer.core.campaign.CampaignLoader;

/**
 * Campaign files: YAML with a top-level {@code trunk:} or {@code caller_id:} key. The script and closers file they
 * name are checked with them, and every line of their do-not-call files.
 */
public final class CampaignKind implements FileKind
{
    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return "campaign file";
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
        return FileChecker.isYaml(file) && CampaignLoader.looksLikeCampaign(content);
    }

    /**
     * {@inheritDoc}
     */
    public FileCheck check(final Path file, final String name, final String content)
    {
        return FileCheck.of(name, name(),
            CampaignLoader.validate(name, content, file.toAbsolutePath().getParent()).errors());
    }
}
