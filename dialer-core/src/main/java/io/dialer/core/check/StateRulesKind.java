/*
 * File checks.
 */
package io.dialer.core.check;

import java.nio.file.Path;

import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.campaign.StateRulesFile;
import io.dialer.qualification.ScriptCompiler;

/**
 * State rules files: YAML with a top-level {@code states:} or {@code holiday_sets:} (and no campaign or script keys),
 * checked by {@link StateRulesFile} as a campaign's {@code state_rules} override is.
 */
public final class StateRulesKind implements FileKind
{
    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return "state rules file";
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
        return FileChecker.isYaml(file) && StateRulesFile.looksLikeStateRules(content) &&
            !CampaignLoader.looksLikeCampaign(content) && !ScriptCompiler.looksLikeScript(content);
    }

    /**
     * {@inheritDoc}
     */
    public FileCheck check(final Path file, final String name, final String content)
    {
        return FileCheck.of(name, name(), StateRulesFile.read(name, content).errors());
    }
}
