/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.util.List;

import io.dialer.qualification.ValidationError;

/**
 * The result of loading a campaign: the campaign when valid, else every error found (in the campaign file, its
 * script and its closers file).
 */
public final class CampaignResult
{
    private final CampaignFile campaign;
    private final List<ValidationError> errors;

    CampaignResult(final CampaignFile campaign, final List<ValidationError> errors)
    {
        this.campaign = errors.isEmpty() ? campaign : null;
        this.errors = List.copyOf(errors);
    }

    /**
     * Whether the campaign validated.
     *
     * @return true when there is no error.
     */
    public boolean isValid()
    {
        return errors.isEmpty();
    }

    /**
     * The campaign.
     *
     * @return the campaign, or null when there are errors.
     */
    public CampaignFile campaign()
    {
        return campaign;
    }

    /**
     * Every error, in the order found.
     *
     * @return the errors.
     */
    public List<ValidationError> errors()
    {
        return errors;
    }
}
