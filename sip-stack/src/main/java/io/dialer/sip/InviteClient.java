/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.javax.sip.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.Transaction;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The outbound side of a leg: our INVITE, its provisional and final responses, the ring timeout and its CANCEL, the
 * response timeout, a digest challenge answered once, and the 2xx that answers the call.
 * <p>
 * How an unanswered INVITE fails: a final status maps through {@link FailureCause#ofStatus}; no response at all
 * within the response timeout (or JAIN-SIP's transaction timeout), a refused TCP connection or an I/O error sending
 * is {@link FailureCause#TRUNK_UNREACHABLE}; {@link FailureCause#NO_ANSWER} only after the far end responded at
 * least provisionally and rang out. The INVITE is sent without the leg's lock, over TCP from the stack's connector
 * threads (a TCP connect may block); everything else runs under the lock.
 */
final class InviteClient
{
    private static final Logger LOGGER = LoggerFactory.getLogger(InviteClient.class);

    private final CallLeg leg;
    private ClientTransaction inviteCt;
    private ClientTransaction cancelCt;
    private Request lastAck;
    private String target;
    private boolean direct;
    private long responseTimeoutMs;
    private int authAttempts;
    private boolean responded;
    private boolean provisionalSeen;
    private boolean ringingReported;
    private boolean earlyMediaReported;
    private boolean cancelRequested;
    private boolean cancelSent;
    private FailureCause cancelCause;
    private ScheduledFuture<?> ringTimer;
    private ScheduledFuture<?> responseTimer;

    InviteClient(final CallLeg leg)
    {
        this.leg = leg;
    }

    /**
     * Dials: opens the media, builds and sends the INVITE, starts the ring and response timers. Events (a failure to
     * send) are delivered before returning.
     */
    void dial(final DialRequest request, final SipURI target, final Transport transport, final long ringTimeoutMs,
        final long responseTimeoutMs)
    {
        if (transport == Transport.TCP)
        {
            final boolean prepared;
            synchronized (leg.lock)
            {
                prepared = prepare(request, target, transport, ringTimeoutMs, responseTimeoutMs);
            }
            if (prepared)
            {
                sendFromConnector();
            }
        }
        else
        {
            ClientTransaction ct = null;
            synchronized (leg.lock)
            {
                if (prepare(request, target, transport, ringTimeoutMs, responseTimeoutMs))
                {
                    try
                    {
                        ct = newTransaction(leg.invite);
                    }
                    catch (final Exception ex)
                    {
                        LOGGER.debug("INVITE to {} failed", target, ex);
                        leg.fail(FailureCause.CARRIER_ERROR, 0, "cannot build INVITE: " + ex.getMessage());
                    }
                }
            }
            if (null != ct)
            {
                send(ct);
            }
        }
        leg.deliver();
    }

    /**
     * Over TCP, JAIN-SIP connects on the thread that creates the INVITE's transaction (its NIO processor) or sends it,
     * for up to 8 s to a host that drops SYNs: the transaction is created and the INVITE sent from the stack's
     * connector threads, so the dialing thread (the engine's) never waits. A leg given up meanwhile (the response
     * timeout fires first) is skipped.
     */
    private void sendFromConnector()
    {
        try
        {
            leg.sip.connector.execute(() ->
            {
                ClientTransaction ct = null;
                ConnectErrorNetworkLayer.clear();
                if (!leg.state.isTerminal())
                {
                    // not under the leg's lock: JAIN-SIP may connect here, and the timers must be able to fail the leg
                    try
                    {
                        ct = leg.sip.provider.getNewClientTransaction(leg.invite);
                    }
                    catch (final Exception ex)
                    {
                        LOGGER.debug("INVITE to {} not sent: {}", target, ex.toString());
                        final String connectFailure = ConnectErrorNetworkLayer.takeFailure();
                        synchronized (leg.lock)
                        {
                            onSendFailed(null, ex, connectFailure);
                        }
                    }
                }
                if (null != ct)
                {
                    synchronized (leg.lock)
                    {
                        if (leg.state.isTerminal())
                        {
                            ct = null;
                        }
                        else
                        {
                            adopt(ct);
                        }
                    }
                }
                if (null != ct)
                {
                    send(ct);
                }
                leg.deliver();
            });
        }
        catch (final RejectedExecutionException ex)
        {
            leg.deliver(); // the stack is closing: its legs are ended by the shutdown
        }
    }

    /**
     * Opens the media, builds the INVITE ({@code leg.invite}) and starts the timers.
     *
     * @return false when the leg failed instead.
     */
    private boolean prepare(final DialRequest request, final SipURI target, final Transport transport,
        final long ringTimeoutMs, final long responseTimeoutMs)
    {
        leg.transport = transport;
        this.target = target.toString();
        leg.remoteUri = this.target;
        this.direct = request.direct();
        this.responseTimeoutMs = responseTimeoutMs;
        leg.liveness.responseTimeoutMs(responseTimeoutMs);
        try
        {
            leg.mediaControl.openForDial(request.mediaAffinity(), request.detection());
        }
        catch (final IOException | RuntimeException ex)
        {
            leg.fail(FailureCause.CARRIER_ERROR, 0, "no media: " + ex.getMessage());
            return false;
        }
        try
        {
            final InviteTemplates.Prepared built = leg.sip.templates.invite(target, request, transport, leg.callId());
            final Request invite = built.request();
            leg.localUri = built.localUri();
            InviteTemplates.sdp(invite, leg.mediaControl.offerSdp());
            leg.invite = invite;
            ringTimer = schedule(this::onRingTimeout, ringTimeoutMs);
            startResponseTimer();
            return true;
        }
        catch (final Exception ex)
        {
            LOGGER.debug("INVITE to {} failed", target, ex);
            leg.fail(FailureCause.CARRIER_ERROR, 0, "cannot build INVITE: " + ex.getMessage());
            return false;
        }
    }

    private ClientTransaction newTransaction(final Request request) throws Exception
    {
        return adopt(leg.sip.provider.getNewClientTransaction(request));
    }

    private ClientTransaction adopt(final ClientTransaction ct)
    {
        ct.setApplicationData(leg);
        inviteCt = ct;
        final Dialog dialog = ct.getDialog();
        leg.dialog = dialog;
        if (null != dialog)
        {
            dialog.setApplicationData(leg);
        }
        return ct;
    }

    /**
     * Sends an INVITE without the leg's lock: over TCP, JAIN-SIP connects first, on this thread.
     */
    private void send(final ClientTransaction ct)
    {
        ConnectErrorNetworkLayer.clear();
        try
        {
            ct.sendRequest();
        }
        catch (final Exception ex)
        {
            final String connectFailure = ConnectErrorNetworkLayer.takeFailure();
            LOGGER.debug("INVITE to {} not sent: {}", target, ex.toString());
            synchronized (leg.lock)
            {
                onSendFailed(ct, ex, connectFailure);
            }
        }
    }

    private void onSendFailed(final ClientTransaction ct, final Exception ex, final String connectFailure)
    {
        if ((null != ct && ct != inviteCt) || leg.state.isTerminal())
        {
            return;
        }
        final IOException io = ioCause(ex);
        if (null != connectFailure)
        {
            leg.fail(FailureCause.TRUNK_UNREACHABLE, 0, connectFailure);
        }
        else if (null != io)
        {
            leg.fail(FailureCause.TRUNK_UNREACHABLE, 0,
                ConnectErrorNetworkLayer.describe(io) + ": cannot send the INVITE to " + target);
        }
        else
        {
            leg.fail(FailureCause.CARRIER_ERROR, 0, "cannot send INVITE: " + ex.getMessage());
        }
    }

    private static IOException ioCause(final Throwable ex)
    {
        for (Throwable t = ex; null != t; t = t.getCause())
        {
            if (t instanceof IOException)
            {
                return (IOException)t;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // timers and CANCEL, under the lock

    private ScheduledFuture<?> schedule(final Runnable task, final long delayMs)
    {
        try
        {
            return leg.sip.timer.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        }
        catch (final RejectedExecutionException ex)
        {
            return null; // the stack is closing: its legs are ended by the shutdown
        }
    }

    private void startResponseTimer()
    {
        cancel(responseTimer);
        responded = false;
        responseTimer = schedule(this::onResponseTimeout, responseTimeoutMs);
    }

    private void onResponseTimeout()
    {
        synchronized (leg.lock)
        {
            responseTimer = null;
            if (!responded && !leg.state.isTerminal() && leg.state != CallState.ANSWERED)
            {
                noResponse("no response from " + target + throughProxy() + " within " + duration(responseTimeoutMs));
            }
        }
        leg.deliver();
    }

    private void onRingTimeout()
    {
        synchronized (leg.lock)
        {
            ringTimer = null;
            if (leg.state == CallState.CALLING || leg.state == CallState.EARLY)
            {
                requestCancel(FailureCause.NO_ANSWER);
            }
        }
        leg.deliver();
    }

    /**
     * The far end said nothing at all: give up the INVITE (no more retransmissions).
     */
    private void noResponse(final String reason)
    {
        try
        {
            inviteCt.terminate();
        }
        catch (final Exception ex)
        {
            LOGGER.debug("cannot terminate INVITE of {}: {}", leg.callId(), ex.toString());
        }
        if (cancelRequested && null == cancelCause)
        {
            leg.end(EndCause.LOCAL);
        }
        else
        {
            leg.fail(FailureCause.TRUNK_UNREACHABLE, 0, reason);
        }
    }

    /**
     * Gives up ringing: CANCEL now if the far end has responded, else as soon as it does.
     *
     * @param cause {@link FailureCause#NO_ANSWER} for the ring timeout, null for a hang-up.
     */
    void requestCancel(final FailureCause cause)
    {
        if (cancelRequested)
        {
            return;
        }
        cancelRequested = true;
        cancelCause = cause;
        sendPendingCancel();
    }

    void cancelForShutdown()
    {
        cancelRequested = true;
        sendPendingCancel();
    }

    private void sendPendingCancel()
    {
        if (!cancelRequested || cancelSent || !provisionalSeen || null == inviteCt)
        {
            return;
        }
        cancelSent = true;
        try
        {
            final Request cancel = inviteCt.createCancel();
            final ClientTransaction ct = leg.sip.provider.getNewClientTransaction(cancel);
            ct.setApplicationData(leg);
            cancelCt = ct;
            ct.sendRequest();
        }
        catch (final Exception ex)
        {
            LOGGER.debug("CANCEL of {} failed: {}", leg.callId(), ex.toString());
        }
    }

    private void finishCancelled(final int status, final String reason)
    {
        if (FailureCause.NO_ANSWER == cancelCause)
        {
            leg.fail(FailureCause.NO_ANSWER, status, reason);
        }
        else
        {
            leg.end(EndCause.LOCAL);
        }
    }

    void stopTimers()
    {
        cancel(ringTimer);
        cancel(responseTimer);
        ringTimer = null;
        responseTimer = null;
    }

    private static void cancel(final ScheduledFuture<?> timer)
    {
        if (null != timer)
        {
            timer.cancel(false);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // responses

    /**
     * A response to our INVITE (not a re-INVITE). A challenge answered is sent again after the lock is released.
     */
    void onResponse(final ResponseEvent event, final ClientTransaction ct)
    {
        final ClientTransaction retry;
        synchronized (leg.lock)
        {
            retry = onInviteResponse(event, ct);
        }
        if (null != retry)
        {
            send(retry);
        }
        leg.deliver();
    }

    private ClientTransaction onInviteResponse(final ResponseEvent event, final ClientTransaction ct)
    {
        final Response response = event.getResponse();
        final int status = response.getStatusCode();
        if (null == ct || ct == inviteCt)
        {
            responded = true;
            cancel(responseTimer);
            responseTimer = null;
        }
        if (status < 200)
        {
            onProvisional(response);
            return null;
        }
        if (status < 300)
        {
            onInvite2xx(event);
            return null;
        }
        if ((null != ct && ct != inviteCt) || leg.state.isTerminal())
        {
            return null;
        }
        if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED) &&
            !cancelRequested)
        {
            return onChallenge(response);
        }
        if (cancelSent)
        {
            finishCancelled(status, response.getReasonPhrase());
        }
        else if (cancelRequested && null == cancelCause)
        {
            leg.end(EndCause.LOCAL);
        }
        else
        {
            leg.fail(FailureCause.ofStatus(status), status, response.getReasonPhrase());
        }
        return null;
    }

    private void onProvisional(final Response response)
    {
        provisionalSeen = true;
        if (leg.state.isTerminal())
        {
            return;
        }
        sendPendingCancel();
        final int status = response.getStatusCode();
        if (status == Response.TRYING || cancelRequested)
        {
            return;
        }
        boolean early = false;
        if (null != response.getRawContent() && response.getRawContent().length > 0)
        {
            early = leg.mediaControl.applyRemoteSdp(response);
        }
        leg.state = CallState.EARLY;
        if (!ringingReported || (early && !earlyMediaReported))
        {
            ringingReported = true;
            earlyMediaReported |= early;
            final boolean earlyMedia = early;
            leg.fire((l) -> l.onRinging(leg, earlyMedia));
        }
    }

    private void onInvite2xx(final ResponseEvent event)
    {
        final Response response = event.getResponse();
        final SipDispatcher sip = leg.sip;
        final Dialog responseDialog = null != event.getDialog() ? event.getDialog() : leg.dialog;
        final CallState state = leg.state;
        if (state == CallState.ANSWERED || state == CallState.ENDED)
        {
            if (responseDialog == leg.dialog && null != lastAck)
            {
                resendAck();
            }
            else if (null != responseDialog)
            {
                sip.ackAndBye(responseDialog, response);
            }
            return;
        }
        if (state.isTerminal() || cancelRequested)
        {
            // the 200 OK crossed our CANCEL (or came after we gave up): take it and hang up at once
            if (null != responseDialog)
            {
                sip.ackAndBye(responseDialog, response);
            }
            if (!state.isTerminal())
            {
                finishCancelled(response.getStatusCode(), "answered after CANCEL");
            }
            return;
        }
        stopTimers();
        final Dialog dialog = responseDialog;
        leg.dialog = dialog;
        if (null != dialog)
        {
            dialog.setApplicationData(leg);
        }
        final boolean hasSdp = null != response.getRawContent() && response.getRawContent().length > 0;
        if (hasSdp && !leg.mediaControl.applyRemoteSdp(response))
        {
            sip.ackAndBye(dialog, response);
            leg.fail(FailureCause.CARRIER_ERROR, Response.NOT_ACCEPTABLE_HERE, "no usable SDP answer");
            return;
        }
        if (!leg.mediaControl.connected())
        {
            sip.ackAndBye(dialog, response);
            leg.fail(FailureCause.CARRIER_ERROR, Response.NOT_ACCEPTABLE_HERE, "no SDP answer");
            return;
        }
        try
        {
            final long seq = ((CSeqHeader)response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            final Request ack = dialog.createAck(seq);
            dialog.sendAck(ack);
            lastAck = ack;
        }
        catch (final Exception ex)
        {
            LOGGER.warn("cannot ACK 2xx of {}", leg.callId(), ex);
        }
        leg.state = CallState.ANSWERED;
        leg.fire((l) -> l.onAnswered(leg));
        leg.mediaControl.startDetection();
        leg.liveness.start(response);
    }

    private void resendAck()
    {
        try
        {
            leg.dialog.sendAck(lastAck);
        }
        catch (final Exception ex)
        {
            LOGGER.debug("re-ACK of {} failed: {}", leg.callId(), ex.toString());
        }
    }

    private ClientTransaction onChallenge(final Response response)
    {
        final int status = response.getStatusCode();
        if (null == leg.sip.context.trunkUser())
        {
            leg.fail(FailureCause.CARRIER_ERROR, status, "challenged, no trunk credentials");
            return null;
        }
        if (authAttempts > 0)
        {
            leg.fail(FailureCause.AUTH_FAILED, status, "credentials refused");
            return null;
        }
        authAttempts++;
        try
        {
            final Request retry = (Request)inviteCt.getRequest().clone();
            final CSeqHeader cseq = (CSeqHeader)retry.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            final ViaHeader via = (ViaHeader)retry.getHeader(ViaHeader.NAME);
            via.setBranch(Utils.getInstance().generateBranchId());
            if (!TrunkDigest.authorize(leg.sip, retry, response))
            {
                leg.fail(FailureCause.AUTH_FAILED, status, "realm not configured");
                return null;
            }
            leg.invite = retry;
            provisionalSeen = false;
            final ClientTransaction ct = newTransaction(retry);
            startResponseTimer();
            return ct;
        }
        catch (final Exception ex)
        {
            leg.fail(FailureCause.CARRIER_ERROR, status, "cannot answer challenge: " + ex);
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // timeouts and transport errors, under the lock

    /**
     * JAIN-SIP's timeout of our INVITE (timer B) or CANCEL.
     *
     * @return true when the transaction was ours.
     */
    boolean onTimeout(final Transaction tx)
    {
        if (null == tx || (tx != inviteCt && tx != cancelCt))
        {
            return false;
        }
        if (leg.state.isTerminal() || leg.state == CallState.ANSWERED)
        {
            return true;
        }
        if (tx == cancelCt)
        {
            // RFC 3261 section 9.1: no answer to the CANCEL either, consider the INVITE cancelled
            finishCancelled(0, "CANCEL timed out");
        }
        else if (!responded)
        {
            noResponse("no response from " + target + throughProxy() + ": INVITE timed out");
        }
        else if (cancelRequested)
        {
            finishCancelled(0, "INVITE timed out after CANCEL");
        }
        else
        {
            leg.fail(FailureCause.CARRIER_ERROR, 0, "INVITE timed out");
        }
        return true;
    }

    /**
     * JAIN-SIP could not send a retransmission of our INVITE.
     *
     * @return true when the transaction was ours.
     */
    boolean onTransportError(final Transaction tx, final String description)
    {
        if (null == tx || tx != inviteCt)
        {
            return false;
        }
        if (!responded && !leg.state.isTerminal() && leg.state != CallState.ANSWERED)
        {
            noResponse(description + ": cannot send the INVITE to " + target);
        }
        return true;
    }

    private String throughProxy()
    {
        final String proxy = leg.sip.context.outboundProxy();
        return null == proxy || direct ? "" : " (through " + proxy + ")";
    }

    /**
     * A duration in words: {@code 5 s}, {@code 1.5 s}, {@code 250 ms}.
     */
    static String duration(final long ms)
    {
        if (ms < 1000)
        {
            return ms + " ms";
        }
        if (ms % 1000 == 0)
        {
            return ms / 1000 + " s";
        }
        return (ms / 100) / 10.0 + " s";
    }
}
