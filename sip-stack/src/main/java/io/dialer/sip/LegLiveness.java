/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.javax.sip.header.HeaderExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.ClientTransaction;
import javax.sip.Transaction;
import javax.sip.header.Header;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.ListIterator;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Is an answered leg still alive? Decides on the stack's timer thread, from the media's last received RTP and the
 * dialog's answers, under the leg's lock:
 * <ul>
 * <li>RTP timeout: no RTP for the media engine's inactivity timeout while RTP is expected (not on hold) and the
 * leg's timeout is enabled ({@link CallLeg#mediaTimeout(boolean)}): BYE, {@link EndCause#RTP_TIMEOUT}.</li>
 * <li>Keepalive: after {@link SipStack.Context#keepaliveAfterSilenceMs()} without RTP, an in-dialog OPTIONS, again
 * every such interval while the silence lasts. 481 or 408, no answer within the response timeout, or a transaction
 * that fails: BYE, {@link EndCause#DIALOG_LOST}. Any other answer (200, 405, 501...) means the dialog is alive.</li>
 * <li>Session timer (RFC 4028): a {@code Session-Expires} in the 2xx of our INVITE is honoured. When the far end is
 * the refresher, its re-INVITEs restart the interval, and without one the leg ends ({@link EndCause#DIALOG_LOST})
 * before the session expires ({@code min(32 s, interval / 3)} early); when we are ({@code refresher=uac}), a
 * re-INVITE with the unchanged SDP goes at half the interval.</li>
 * </ul>
 * Times are on the media's clock ({@link LegMedia#nowNs()}), so tests may drive them.
 */
final class LegLiveness
{
    private static final Logger LOGGER = LoggerFactory.getLogger(LegLiveness.class);
    private static final long MIN_CHECK_NS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long REFRESH_RETRY_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long MAX_EXPIRY_MARGIN_NS = TimeUnit.SECONDS.toNanos(32);

    private final CallLeg leg;
    private long responseTimeoutMs;
    private boolean started;
    private boolean mediaTimeoutEnabled = true;
    private long rtpTimeoutNs;
    private long keepaliveAfterNs;
    private long answeredNs;
    private long timeoutFromNs;
    private long keepaliveSentNs;
    private int keepalivesSent;
    private ClientTransaction keepaliveCt;
    private ScheduledFuture<?> keepaliveTimer;
    private ScheduledFuture<?> timer;
    private int sessionIntervalSeconds;
    private boolean weRefresh;
    private long sessionExpiresNs;
    private long refreshNs;

    LegLiveness(final CallLeg leg)
    {
        this.leg = leg;
        this.responseTimeoutMs = leg.sip.context.responseTimeoutMs();
    }

    /**
     * How long an OPTIONS keepalive may go unanswered: the leg's response timeout.
     */
    void responseTimeoutMs(final long timeoutMs)
    {
        this.responseTimeoutMs = timeoutMs;
    }

    /**
     * The leg has just been answered.
     *
     * @param answer the 2xx of our INVITE (its {@code Session-Expires} is honoured), or null for an inbound leg.
     */
    void start(final Response answer)
    {
        final LegMedia media = leg.media();
        if (null == media)
        {
            return;
        }
        started = true;
        final long now = media.nowNs();
        answeredNs = now;
        timeoutFromNs = now;
        keepaliveSentNs = now;
        rtpTimeoutNs = TimeUnit.MILLISECONDS.toNanos(leg.sip.media.rtpTimeoutMs());
        keepaliveAfterNs = TimeUnit.MILLISECONDS.toNanos(leg.sip.context.keepaliveAfterSilenceMs());
        if (null != answer)
        {
            sessionTimer(answer, true, now);
        }
        evaluate();
    }

    /**
     * Suspends or resumes the RTP timeout; resumed, it counts from now.
     */
    void mediaTimeout(final boolean enabled)
    {
        if (enabled == mediaTimeoutEnabled)
        {
            return;
        }
        mediaTimeoutEnabled = enabled;
        final LegMedia media = leg.media();
        if (enabled && null != media)
        {
            timeoutFromNs = media.nowNs();
        }
        evaluate();
    }

    /**
     * Checks now: from a timer, or the media engine reporting an RTP timeout.
     */
    void check()
    {
        synchronized (leg.lock)
        {
            evaluate();
        }
        leg.deliver();
    }

    private void evaluate()
    {
        if (!started || leg.state != CallState.ANSWERED)
        {
            return;
        }
        final LegMedia media = leg.media();
        final long now = media.nowNs();
        final long receivedNs = media.lastReceivedNs();
        final long lastReceivedNs = 0 == receivedNs ? answeredNs : receivedNs; // 0: the media is not connected yet
        long next = Long.MAX_VALUE;

        if (0 != sessionIntervalSeconds)
        {
            if (now - sessionExpiresNs >= 0)
            {
                lost("session timer of " + sessionIntervalSeconds + " s expired without a refresh");
                return;
            }
            next = sessionExpiresNs;
            if (weRefresh)
            {
                if (now - refreshNs >= 0 && !refresh(now))
                {
                    return;
                }
                next = earliest(next, refreshNs);
            }
        }

        if (rtpTimeoutNs > 0 && mediaTimeoutEnabled && leg.mediaControl.expectsRtp())
        {
            final long since = latest(latest(lastReceivedNs, timeoutFromNs), leg.mediaControl.receiveResumedNs());
            if (now - since >= rtpTimeoutNs)
            {
                LOGGER.debug("no RTP on {} for {} ms: hanging up", leg.callId(), (now - since) / 1_000_000);
                leg.inDialog.sendBye();
                leg.end(EndCause.RTP_TIMEOUT);
                return;
            }
            next = earliest(next, since + rtpTimeoutNs);
        }

        if (keepaliveAfterNs > 0 && null == keepaliveCt)
        {
            long due = latest(latest(lastReceivedNs, answeredNs), keepaliveSentNs) + keepaliveAfterNs;
            if (now - due >= 0)
            {
                if (!sendKeepalive(now))
                {
                    return;
                }
                due = now + keepaliveAfterNs;
            }
            next = earliest(next, due);
        }

        schedule(next, now);
    }

    private boolean sendKeepalive(final long now)
    {
        try
        {
            keepaliveCt = leg.inDialog.sendKeepalive();
        }
        catch (final Exception ex)
        {
            lost("OPTIONS keepalive cannot be sent: " + ex.getMessage());
            return false;
        }
        keepaliveSentNs = now;
        keepalivesSent++;
        final ClientTransaction ct = keepaliveCt;
        keepaliveTimer = scheduleMs(() -> onKeepaliveTimeout(ct), responseTimeoutMs);
        return true;
    }

    private void onKeepaliveTimeout(final ClientTransaction ct)
    {
        synchronized (leg.lock)
        {
            if (ct == keepaliveCt)
            {
                terminate(ct);
                lost("no answer to the OPTIONS keepalive within " + InviteClient.duration(responseTimeoutMs));
            }
        }
        leg.deliver();
    }

    /**
     * The answer to our keepalive.
     */
    void onKeepaliveResponse(final ClientTransaction ct, final int status)
    {
        if (null == ct || ct != keepaliveCt || status < 200)
        {
            return;
        }
        keepaliveCt = null;
        cancel(keepaliveTimer);
        keepaliveTimer = null;
        if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT)
        {
            lost("the far end answered the OPTIONS keepalive " + status);
        }
        else
        {
            evaluate();
        }
    }

    /**
     * A transaction of the leg timed out or could not be sent.
     *
     * @return true when it was our keepalive.
     */
    boolean onTransactionFailed(final Transaction tx, final String description)
    {
        if (null == tx || tx != keepaliveCt)
        {
            return false;
        }
        keepaliveCt = null;
        lost(description);
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // session timer (RFC 4028)

    /**
     * A re-INVITE from the far end: a session refresh, possibly with a new interval.
     */
    void onRemoteRefresh(final Message request)
    {
        final LegMedia media = leg.media();
        if (!started || null == media)
        {
            return;
        }
        final long now = media.nowNs();
        if (!sessionTimer(request, false, now) && 0 != sessionIntervalSeconds && !weRefresh)
        {
            sessionExpiresNs = expiry(now, sessionIntervalSeconds);
        }
        evaluate();
    }

    /**
     * The final answer to our refresh.
     */
    void onRefreshAnswered(final Response response)
    {
        final int status = response.getStatusCode();
        final LegMedia media = leg.media();
        if (!started || null == media)
        {
            return;
        }
        if (status < 300)
        {
            sessionTimer(response, true, media.nowNs());
        }
        else if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT)
        {
            lost("the far end answered the session refresh " + status);
            return;
        }
        else
        {
            refreshNs = media.nowNs() + REFRESH_RETRY_NS;
        }
        evaluate();
    }

    private boolean refresh(final long now)
    {
        try
        {
            refreshNs = leg.inDialog.refreshSession(sessionIntervalSeconds) ?
                sessionExpiresNs + REFRESH_RETRY_NS : now + REFRESH_RETRY_NS;
            return true;
        }
        catch (final Exception ex)
        {
            lost("session refresh cannot be sent: " + ex.getMessage());
            return false;
        }
    }

    /**
     * Takes the session timer from a 2xx of ours (we are the UAC) or a far end's re-INVITE.
     *
     * @return true when the message carried {@code Session-Expires}.
     */
    private boolean sessionTimer(final Message message, final boolean answerToUs, final long now)
    {
        final String value = headerValue(message, "Session-Expires", "x");
        if (null == value)
        {
            if (answerToUs)
            {
                sessionIntervalSeconds = 0; // the far end does not do session timers (any more)
            }
            return false;
        }
        final String[] parts = value.split(";");
        final int seconds;
        try
        {
            seconds = Integer.parseInt(parts[0].trim());
        }
        catch (final NumberFormatException ex)
        {
            LOGGER.debug("bad Session-Expires on {}: {}", leg.callId(), value);
            return false;
        }
        if (seconds <= 0)
        {
            return false;
        }
        String refresher = null;
        for (int i = 1; i < parts.length; i++)
        {
            final String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("refresher="))
            {
                refresher = parameter.substring("refresher=".length()).trim();
            }
        }
        sessionIntervalSeconds = seconds;
        // in a 2xx to us, uac is us; in a far end's re-INVITE we answer without Session-Expires, so it refreshes
        weRefresh = answerToUs && "uac".equals(refresher);
        if (weRefresh)
        {
            sessionExpiresNs = now + TimeUnit.SECONDS.toNanos(seconds);
            refreshNs = now + TimeUnit.SECONDS.toNanos(seconds) / 2;
        }
        else
        {
            sessionExpiresNs = expiry(now, seconds);
        }
        return true;
    }

    private static long expiry(final long now, final int seconds)
    {
        final long intervalNs = TimeUnit.SECONDS.toNanos(seconds);
        return now + intervalNs - Math.min(MAX_EXPIRY_MARGIN_NS, intervalNs / 3);
    }

    /**
     * The session interval a far end's re-INVITE asks for, when it supports session timers (RFC 4028): our 2xx then
     * confirms it, with the far end as refresher.
     *
     * @return seconds, or 0 when the request carries no {@code Session-Expires} or no {@code Supported: timer}.
     */
    static int refreshInterval(final Request request)
    {
        final String value = headerValue(request, "Session-Expires", "x");
        if (null == value || !supportsTimer(request))
        {
            return 0;
        }
        try
        {
            final int semicolon = value.indexOf(';');
            return Math.max(0, Integer.parseInt((semicolon < 0 ? value : value.substring(0, semicolon)).trim()));
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }

    private static boolean supportsTimer(final Request request)
    {
        for (final String name : new String[]{"Supported", "k"})
        {
            final ListIterator<?> headers = request.getHeaders(name);
            while (null != headers && headers.hasNext())
            {
                final Object header = headers.next();
                final String text = header instanceof HeaderExt ? ((HeaderExt)header).getValue() : header.toString();
                for (final String tag : text.substring(text.indexOf(':') + 1).split(","))
                {
                    if ("timer".equalsIgnoreCase(tag.trim()))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static String headerValue(final Message message, final String name, final String compactName)
    {
        Header header = message.getHeader(name);
        if (null == header)
        {
            header = message.getHeader(compactName);
        }
        if (null == header)
        {
            return null;
        }
        if (header instanceof HeaderExt)
        {
            return ((HeaderExt)header).getValue();
        }
        final String text = header.toString();
        return text.substring(text.indexOf(':') + 1).trim();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void lost(final String why)
    {
        LOGGER.info("call {} lost: {}", leg.callId(), why);
        leg.inDialog.sendBye();
        leg.end(EndCause.DIALOG_LOST);
    }

    /**
     * The leg is over.
     */
    void stop()
    {
        started = false;
        cancel(timer);
        cancel(keepaliveTimer);
        timer = null;
        keepaliveTimer = null;
        if (null != keepaliveCt)
        {
            terminate(keepaliveCt);
            keepaliveCt = null;
        }
    }

    /**
     * In-dialog OPTIONS sent so far, for tests.
     */
    int keepalivesSent()
    {
        return keepalivesSent;
    }

    private void schedule(final long next, final long now)
    {
        cancel(timer);
        timer = null;
        if (next != Long.MAX_VALUE)
        {
            final long delayNs = Math.max(MIN_CHECK_NS, next - now);
            try
            {
                timer = leg.sip.timer.schedule(this::check, delayNs, TimeUnit.NANOSECONDS);
            }
            catch (final RejectedExecutionException ex)
            {
                LOGGER.debug("stack closing: no liveness check for {}", leg.callId());
            }
        }
    }

    private ScheduledFuture<?> scheduleMs(final Runnable task, final long delayMs)
    {
        try
        {
            return leg.sip.timer.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        }
        catch (final RejectedExecutionException ex)
        {
            return null;
        }
    }

    private static void cancel(final ScheduledFuture<?> future)
    {
        if (null != future)
        {
            future.cancel(false);
        }
    }

    private static void terminate(final ClientTransaction ct)
    {
        try
        {
            ct.terminate();
        }
        catch (final Exception ex)
        {
            LOGGER.debug("cannot terminate OPTIONS: {}", ex.toString());
        }
    }

    private static long latest(final long a, final long b)
    {
        return a - b > 0 ? a : b;
    }

    private static long earliest(final long a, final long b)
    {
        if (a == Long.MAX_VALUE)
        {
            return b;
        }
        return a - b < 0 ? a : b;
    }
}
