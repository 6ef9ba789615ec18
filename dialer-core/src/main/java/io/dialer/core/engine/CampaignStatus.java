/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.Locale;

import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.ControlAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the campaign dials, and why not: paused or resumed by users, suspended by the engine when the trunk fails
 * too many times in a row, drained or stopped (the run then ends when its calls do). Every change is journaled.
 * Single writer: the controller's thread.
 */
final class CampaignStatus
{
    private static final Logger LOG = LoggerFactory.getLogger(CampaignStatus.class);

    private final CampaignLog journal;
    private final String campaign;
    private final int maxTrunkFailures;
    private CampaignState.Status status = CampaignState.Status.RUNNING;
    private String reason = "";
    private int trunkFailures;
    private String trunkProblem = "";

    /**
     * @param journal          where changes are recorded.
     * @param campaign         the campaign's name, the subject of its records.
     * @param maxTrunkFailures consecutive trunk failures that suspend dialing; 0 never.
     */
    CampaignStatus(final CampaignLog journal, final String campaign, final int maxTrunkFailures)
    {
        this.journal = journal;
        this.campaign = campaign;
        this.maxTrunkFailures = maxTrunkFailures;
    }

    CampaignState.Status status()
    {
        return status;
    }

    String reason()
    {
        return reason;
    }

    int trunkFailures()
    {
        return trunkFailures;
    }

    String trunkProblem()
    {
        return trunkProblem;
    }

    /**
     * @return true when new leads may be dialed.
     */
    boolean dialing()
    {
        return CampaignState.Status.RUNNING == status;
    }

    /**
     * @return true once the run was drained or stopped: it ends when its calls do.
     */
    boolean ending()
    {
        return CampaignState.Status.DRAINING == status || CampaignState.Status.STOPPING == status;
    }

    /**
     * The journal held a pause when the engine stopped: the restarted run stays paused.
     */
    void pausedBeforeRestart()
    {
        status = CampaignState.Status.PAUSED;
        reason = "paused before the restart";
    }

    ControlResult pause(final long nowMs)
    {
        return change(ControlAction.CAMPAIGN_PAUSE, CampaignState.Status.PAUSED, "paused by a user", nowMs);
    }

    ControlResult resume(final long nowMs)
    {
        if (CampaignState.Status.PAUSED != status && CampaignState.Status.SUSPENDED != status)
        {
            journal.control(nowMs, ControlAction.CAMPAIGN_RESUME, campaign, "not paused", false);
            return ControlResult.refused("not paused (" + status + ")");
        }
        trunkFailures = 0;
        return change(ControlAction.CAMPAIGN_RESUME, CampaignState.Status.RUNNING, "", nowMs);
    }

    ControlResult drain(final long nowMs)
    {
        return change(ControlAction.CAMPAIGN_DRAIN, CampaignState.Status.DRAINING, "drained", nowMs);
    }

    ControlResult stop(final String why, final long nowMs)
    {
        return change(ControlAction.CAMPAIGN_STOP, CampaignState.Status.STOPPING,
            null == why || why.isEmpty() ? "stopped by a user" : why, nowMs);
    }

    /**
     * The run is over.
     *
     * @param end {@link CampaignState.Status#FINISHED} or {@link CampaignState.Status#STOPPED}.
     */
    void over(final CampaignState.Status end)
    {
        status = end;
    }

    /**
     * A call failed because of the trunk: after too many in a row, dialing is suspended until a resume.
     *
     * @param detail the failure.
     * @param nowMs  the time.
     */
    void trunkFailed(final CharSequence detail, final long nowMs)
    {
        trunkFailures++;
        trunkProblem = detail.toString(); // rare: a trunk failure allocates its text for the live state
        if (1 == trunkFailures)
        {
            LOG.error("trunk failure: {} (the lead keeps its attempt)", detail);
        }
        if (maxTrunkFailures > 0 && trunkFailures >= maxTrunkFailures && CampaignState.Status.RUNNING == status)
        {
            status = CampaignState.Status.SUSPENDED;
            reason = trunkFailures + " consecutive trunk failures, the last: " + detail;
            LOG.error("dialing suspended: {}", reason);
            journal.control(nowMs, ControlAction.DIALING_SUSPENDED, campaign, reason, true);
        }
    }

    /**
     * The trunk handled a call (any response but a failure of its own): the run of failures is over.
     */
    void trunkHandled()
    {
        trunkFailures = 0;
    }

    private ControlResult change(
        final ControlAction action, final CampaignState.Status to, final String why, final long nowMs)
    {
        if (ending() || CampaignState.Status.FINISHED == status || CampaignState.Status.STOPPED == status)
        {
            journal.control(nowMs, action, campaign, "the run is ending", false);
            return ControlResult.refused("the run is already ending (" + status + ")");
        }
        status = to;
        reason = why;
        journal.control(nowMs, action, campaign, why, true);
        return ControlResult.ok(to.name().toLowerCase(Locale.ROOT));
    }
}
