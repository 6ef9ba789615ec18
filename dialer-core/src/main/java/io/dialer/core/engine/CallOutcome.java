/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.dialer.core.compliance.Disposition;
import io.dialer.qualification.CallbackTime;
import io.dialer.sip.EndCause;
import io.dialer.sip.FailureCause;

/**
 * How a {@link CallFlow}'s call ends: the first disposition decided wins, with its detail (SIP status, where the
 * callee hung up, the callback time asked for) and whether the attempt is charged to the lead. Written once, when the
 * lead's leg is gone or the caller is bridged ({@link #write}). No I/O.
 */
final class CallOutcome
{
    private static final DateTimeFormatter CALLBACK_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StringBuilder detail = new StringBuilder(64);
    private Disposition disposition;
    private boolean trunkFailure;
    private boolean cancelled;
    private boolean written;
    private long callbackAtMs;

    void reset()
    {
        disposition = null;
        trunkFailure = false;
        cancelled = false;
        written = false;
        callbackAtMs = 0;
        detail.setLength(0);
    }

    boolean decided()
    {
        return null != disposition;
    }

    /**
     * @return the detail, to append to (a callback chosen after the apology).
     */
    StringBuilder detail()
    {
        return detail;
    }

    /**
     * The first decision wins.
     *
     * @param d    the disposition.
     * @param text its detail.
     */
    void decide(final Disposition d, final CharSequence text)
    {
        if (null == disposition)
        {
            disposition = d;
            detail.setLength(0);
            detail.append(text);
        }
    }

    /**
     * Abandoned by the rule: ABANDONED, whatever was decided before (nothing is, before the script is heard).
     *
     * @param text the detail.
     */
    void abandoned(final CharSequence text)
    {
        disposition = Disposition.ABANDONED;
        detail.setLength(0);
        detail.append(text);
    }

    /**
     * The caller is bridged to a closer: TRANSFERRED, whatever was decided before.
     *
     * @param closerId the closer.
     */
    void transferred(final String closerId)
    {
        disposition = Disposition.TRANSFERRED;
        detail.setLength(0);
        detail.append(closerId);
    }

    /**
     * The dial is cancelled by the dialer (the campaign stops): its failure is not the lead's.
     */
    void cancel()
    {
        cancelled = true;
    }

    boolean cancelled()
    {
        return cancelled;
    }

    /**
     * The dial failed before an answer.
     *
     * @param cause  why.
     * @param status the SIP status, 0 when none.
     * @param reason the reason text, may be null.
     */
    void failed(final FailureCause cause, final int status, final CharSequence reason)
    {
        if (cancelled)
        {
            decide(Disposition.FAILED, "dial cancelled: the campaign was stopped");
            return;
        }
        final Disposition d = switch (cause)
        {
            case BUSY -> Disposition.BUSY;
            case NO_ANSWER -> Disposition.NO_ANSWER;
            case INVALID_NUMBER -> Disposition.INVALID_NUMBER;
            default -> Disposition.FAILED;
        };
        if (null == disposition)
        {
            trunkFailure = isTrunkFailure(cause, status);
            disposition = d;
            detail.setLength(0);
            if (status > 0)
            {
                detail.append(status).append(' ');
            }
            detail.append(null == reason ? "" : reason);
        }
    }

    /**
     * The end of an answered call by someone else than the dialer's own hang-up: the callee (HUNG_UP) or the
     * network (media timeout, lost dialog, signalling failure: FAILED, the dialer ended the call, with the cause).
     *
     * @param cause     why the leg ended.
     * @param during    where the call was ("during q2", "waiting for a closer").
     * @param withCause add the end cause to a HUNG_UP's detail.
     */
    void ended(final EndCause cause, final CharSequence during, final boolean withCause)
    {
        if (null != disposition)
        {
            return;
        }
        if (EndCause.REMOTE_BYE == cause || EndCause.REMOTE_CANCEL == cause || EndCause.LOCAL == cause)
        {
            decide(Disposition.HUNG_UP, during);
            if (withCause)
            {
                detail.append(" (").append(cause.name()).append(')');
            }
            return;
        }
        decide(Disposition.FAILED, "dialer ended the call: ");
        detail.append(endCauseText(cause)).append(", ").append(during);
    }

    /**
     * Resolves a callback time asked for in the callee's zone and writes it with the resolved local time:
     * {@code this evening (2026-11-23 18:00 America/Chicago)}. A rare event: java.time allocates here.
     *
     * @param asked the time asked for.
     * @param nowMs the time now.
     * @param zone  the callee's zone.
     * @param into  where the text goes.
     */
    void callbackTime(final CharSequence asked, final long nowMs, final ZoneId zone, final StringBuilder into)
    {
        callbackAtMs = CallbackTime.resolve(asked, nowMs, zone);
        into.append(asked);
        if (0 == callbackAtMs)
        {
            into.append(" (not a callback time: after the callback delay)");
        }
        else
        {
            into.append(" (").append(CALLBACK_FORMAT.format(Instant.ofEpochMilli(callbackAtMs).atZone(zone)))
                .append(' ').append(zone.getId()).append(')');
        }
    }

    /**
     * Writes the outcome, once: FAILED when nothing was decided.
     *
     * @param out     the sink.
     * @param stats   the counters.
     * @param callId  the call.
     * @param lead    the lead.
     * @param attempt the attempt.
     */
    void write(final CallCommands out, final EngineStats stats, final long callId, final int lead, final int attempt)
    {
        if (written)
        {
            return;
        }
        written = true;
        final Disposition d = null == disposition ? Disposition.FAILED : disposition;
        stats.disposition(d);
        final boolean trunk = trunkFailure && Disposition.FAILED == d;
        out.callEnded(callId, lead, attempt, d, callbackAtMs, detail, !trunk && !cancelled, trunk);
    }

    /**
     * A failure of the trunk rather than the lead: no response at all, a transport error, a timeout or a server
     * error. Such attempts are not charged to the lead, and a run of them suspends dialing.
     *
     * @param cause  the failure cause.
     * @param status the SIP status, 0 when none.
     * @return true for a trunk failure.
     */
    static boolean isTrunkFailure(final FailureCause cause, final int status)
    {
        return FailureCause.TRUNK_UNREACHABLE == cause || 408 == status ||
            FailureCause.CARRIER_ERROR == cause && (0 == status || status >= 500 && status < 600);
    }

    private static String endCauseText(final EndCause cause)
    {
        return switch (cause)
        {
            case RTP_TIMEOUT -> "no media from the callee for the media timeout";
            case DIALOG_LOST -> "the far end no longer knew the call (keepalive or session timer)";
            case SIGNALLING_ERROR -> "the call's signalling failed";
            case SHUTDOWN -> "the dialer shut down";
            default -> "the call was lost (" + cause.name() + ")";
        };
    }
}
