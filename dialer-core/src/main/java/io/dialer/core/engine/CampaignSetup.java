/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.HashMap;
import java.util.Map;

import io.dialer.core.campaign.CampaignFile;
import io.dialer.core.campaign.CampaignFile.ClosersLogin;
import io.dialer.core.campaign.StateWindow;
import io.dialer.core.compliance.CallingWindow;
import io.dialer.core.compliance.DialGate;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.compliance.ProgressivePacer;
import io.dialer.core.compliance.RetryPolicy;
import io.dialer.core.compliance.WindowPolicy;
import io.dialer.core.lead.LeadList;
import io.dialer.core.pacing.PredictivePacer;
import io.dialer.sip.Transport;
import io.dialer.transfer.TransferConfiguration;

/**
 * Turns a validated campaign file into the engine's settings: the calling windows, the retry rules, the pacer and
 * the gate that checks them, caller ID and trunk.
 */
public final class CampaignSetup
{
    private CampaignSetup()
    {
    }

    /**
     * The calling windows of a campaign: its own, narrowed by the state rules (shipped and its override).
     *
     * @param campaign the campaign.
     * @return its window policy.
     */
    public static WindowPolicy windows(final CampaignFile campaign)
    {
        final Map<String, CallingWindow> perState = new HashMap<>();
        for (final StateWindow window : campaign.stateWindows().values())
        {
            perState.put(window.state(), CallingWindow.ofMinutes(
                window.startMinute(), window.endMinute(), window.maxCallsPer24h()));
        }
        return campaign.stateRules().policy(CallingWindow.ofMinutes(campaign.windowStartMinute(),
            campaign.windowEndMinute(), CallingWindow.NO_CAP), perState, null);
    }

    /**
     * The retry rules of a campaign.
     *
     * @param campaign the campaign.
     * @return its retry policy.
     */
    public static RetryPolicy retries(final CampaignFile campaign)
    {
        return campaign.retries().policy();
    }

    /**
     * A campaign's settings from its file: the prompts, journal directory, detector and stacks' settings are the
     * caller's to add.
     *
     * @param campaign  the validated campaign.
     * @param leads     its lead list, read.
     * @param doNotCall the engine's do-not-call list (the campaign's files loaded into it, opt-outs persisted).
     * @return the settings; the caller may adjust them before starting the campaign.
     */
    public static CampaignContext campaign(
        final CampaignFile campaign, final LeadList leads, final DoNotCallList doNotCall)
    {
        final String trunk = campaign.trunkUri();
        final int at = trunk.indexOf('@');
        String host = at < 0 ? trunk.substring(trunk.indexOf(':') + 1) : trunk.substring(at + 1);
        final int params = host.indexOf(';');
        host = params < 0 ? host : host.substring(0, params);
        return new CampaignContext()
            .name(campaign.name())
            .leadsFile(null == campaign.leadsFile() ? leads.file() : campaign.leadsFile().toString())
            .leads(leads)
            .script(campaign.script())
            .gate(new DialGate(windows(campaign), retries(campaign), doNotCall))
            .pacer(new ProgressivePacer(campaign.pacingRatio(), campaign.maxLines()))
            .predictive(!"predictive".equals(campaign.pacingMode()) ? null : new PredictivePacer.Settings(
                campaign.targetAbandonRate(), campaign.maxLinesPerCloser(), campaign.minCallsBeforePredicting()))
            .maxDialsPerSecond(campaign.maxDialsPerSecond())
            .callerId(campaign.callerIdName(), campaign.callerIdNumber())
            .trunk(host, "tcp".equalsIgnoreCase(campaign.transport()) ? Transport.TCP : Transport.UDP)
            .ringTimeoutMs(campaign.ringTimeoutMs())
            .callbackOffer(new CallbackOffer(campaign.callbackOffer()))
            .transfer(transfer(campaign))
            .maxConsecutiveTrunkFailures(campaign.maxConsecutiveTrunkFailures())
            .trunkResponseTimeoutMs(campaign.trunkResponseTimeoutMs())
            .mediaRelease(campaign.mediaRelease())
            .verdictTimeoutMs(campaign.verdictTimeoutMs())
            .beepTimeoutMs(campaign.beepTimeoutMs())
            .abandonment(campaign.abandonment());
    }

    /**
     * The engine's settings for running one campaign file, as {@code dialer run} and {@code dialer demo} do: the
     * floor is the campaign's closers file (its closers logging in as the campaign says), with its wrap-up and
     * admission hold. The stacks and the journal directory are the caller's to add, and the campaign.
     *
     * @param campaign  the validated campaign.
     * @param doNotCall the do-not-call list (the campaign's files loaded, opt-outs persisted).
     * @param clock     the controller's clock.
     * @param skipIdle  true to skip idle time (demo and tests only).
     * @return the settings; the caller may adjust them before starting the engine.
     */
    public static EngineContext engine(
        final CampaignFile campaign, final DoNotCallList doNotCall, final CampaignClock clock, final boolean skipIdle)
    {
        return new EngineContext()
            .closers(campaign.closers())
            .closersLoginAtStart(ClosersLogin.AT_START == campaign.closersLogin())
            .wrapUpMs(campaign.transfer().wrapUpMs())
            .doNotCall(doNotCall)
            .mediaHoldMs(CampaignFile.MEDIA_LAG_HOLD_OFF == campaign.mediaLagHoldMs() ? 0 : campaign.mediaLagHoldMs())
            .clock(clock, skipIdle);
    }

    /**
     * The transfer's settings, with {@code pacing.max_hold} as the hold limit when it is shorter.
     */
    private static TransferConfiguration.Context transfer(final CampaignFile campaign)
    {
        final TransferConfiguration.Context transfer = campaign.transfer();
        if (campaign.maxHoldMs() > 0 && campaign.maxHoldMs() < transfer.holdLimitMs())
        {
            transfer.holdLimitMs(campaign.maxHoldMs());
        }
        return transfer;
    }
}
