/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.Transaction;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Requests within a leg's dialog, both directions: BYE (a challenged one answered once), INFO with DTMF, re-INVITE
 * (the far end's hold, resume or new media; ours to hold, resume or refresh the session) and the OPTIONS keepalive
 * {@link LegLiveness} asks for. Under the leg's lock, except the entry points for requests and responses, which take
 * it and deliver the events after releasing it.
 */
final class InDialog
{
    private static final Logger LOGGER = LoggerFactory.getLogger(InDialog.class);

    private final CallLeg leg;
    private int byeAuthAttempts;
    private ClientTransaction reinviteCt;
    private boolean refreshing;
    private DirectMedia mediaOffer;
    private boolean holdRequested;
    private boolean held;

    InDialog(final CallLeg leg)
    {
        this.leg = leg;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // BYE

    /**
     * Sends BYE, when there is a dialog.
     */
    void sendBye()
    {
        final Dialog dialog = leg.dialog;
        if (null == dialog)
        {
            return;
        }
        try
        {
            final Request bye = dialog.createRequest(Request.BYE);
            final ClientTransaction ct = leg.sip.provider.getNewClientTransaction(bye);
            ct.setApplicationData(leg);
            dialog.sendRequest(ct);
        }
        catch (final Exception ex)
        {
            LOGGER.debug("BYE of {} failed: {}", leg.callId(), ex.toString());
        }
    }

    void onBye(final RequestEvent event) throws Exception
    {
        try
        {
            synchronized (leg.lock)
            {
                leg.sip.respond(event, Response.OK);
                if (!leg.state.isTerminal())
                {
                    if (leg.state != CallState.ANSWERED && leg.isInbound())
                    {
                        leg.server.sendFinalError(Response.REQUEST_TERMINATED);
                    }
                    leg.end(EndCause.REMOTE_BYE);
                }
            }
        }
        finally
        {
            leg.deliver();
        }
    }

    private void onByeResponse(final Response response)
    {
        final int status = response.getStatusCode();
        final Dialog dialog = leg.dialog;
        if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED) &&
            byeAuthAttempts == 0 && null != leg.sip.context.trunkUser() && null != dialog)
        {
            byeAuthAttempts++;
            try
            {
                final Request bye = dialog.createRequest(Request.BYE);
                TrunkDigest.authorize(leg.sip, bye, response);
                final ClientTransaction ct = leg.sip.provider.getNewClientTransaction(bye);
                ct.setApplicationData(leg);
                dialog.sendRequest(ct);
            }
            catch (final Exception ex)
            {
                LOGGER.debug("BYE retry with credentials failed: {}", ex.toString());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // INFO

    void sendDtmfInfo(final char digit, final int durationMs)
    {
        final Dialog dialog = leg.dialog;
        if (leg.state != CallState.ANSWERED || null == dialog)
        {
            return;
        }
        try
        {
            final Request info = dialog.createRequest(Request.INFO);
            info.setContent("Signal=" + digit + "\r\nDuration=" + durationMs + "\r\n",
                leg.sip.headerFactory.createContentTypeHeader("application", "dtmf-relay"));
            final ClientTransaction ct = leg.sip.provider.getNewClientTransaction(info);
            ct.setApplicationData(leg);
            dialog.sendRequest(ct);
        }
        catch (final Exception ex)
        {
            LOGGER.debug("INFO on {} failed: {}", leg.callId(), ex.toString());
        }
    }

    void onInfo(final RequestEvent event) throws Exception
    {
        final Request request = event.getRequest();
        final ContentTypeHeader type = (ContentTypeHeader)request.getHeader(ContentTypeHeader.NAME);
        final byte[] raw = request.getRawContent();
        char digit = 0;
        if (null != type && null != raw && "application".equalsIgnoreCase(type.getContentType()))
        {
            final String body = new String(raw, StandardCharsets.UTF_8);
            final String subType = type.getContentSubType().toLowerCase(Locale.ROOT);
            if ("dtmf-relay".equals(subType))
            {
                digit = DtmfInfo.parseRelay(body);
            }
            else if ("dtmf".equals(subType))
            {
                digit = DtmfInfo.parsePlain(body);
            }
        }
        try
        {
            synchronized (leg.lock)
            {
                leg.sip.respond(event, Response.OK);
                if (0 != digit && leg.state == CallState.ANSWERED)
                {
                    final char d = digit;
                    leg.fire((l) -> l.onDtmf(leg, d, DtmfSource.SIP_INFO));
                }
            }
        }
        finally
        {
            leg.deliver();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // re-INVITE

    void onReinvite(final RequestEvent event) throws Exception
    {
        try
        {
            synchronized (leg.lock)
            {
                answerReinvite(event);
            }
        }
        finally
        {
            leg.deliver();
        }
    }

    private void answerReinvite(final RequestEvent event) throws Exception
    {
        final SipDispatcher sip = leg.sip;
        final ServerTransaction st = sip.serverTransaction(event);
        if (null == st)
        {
            return;
        }
        final Request request = event.getRequest();
        if (leg.state != CallState.ANSWERED || null == leg.media())
        {
            st.sendResponse(sip.messageFactory.createResponse(Response.REQUEST_PENDING, request));
            return;
        }
        boolean remoteHeld = false;
        if (null != request.getRawContent() && request.getRawContent().length > 0)
        {
            if (!leg.mediaControl.applyReinviteOffer(request.getRawContent()))
            {
                st.sendResponse(sip.messageFactory.createResponse(Response.NOT_ACCEPTABLE_HERE, request));
                return;
            }
            remoteHeld = leg.mediaControl.remoteHeld();
        }
        final Response ok = sip.messageFactory.createResponse(Response.OK, request);
        ok.addHeader(sip.contact(contactUser(), leg.transport));
        final int sessionInterval = LegLiveness.refreshInterval(request);
        if (sessionInterval > 0)
        {
            // RFC 4028 7.4: a 2xx without Session-Expires would turn the far end's session timer off; it stays the
            // refresher (the UAC of its re-INVITE)
            ok.addHeader(sip.headerFactory.createHeader("Session-Expires", sessionInterval + ";refresher=uac"));
            ok.addHeader(sip.headerFactory.createHeader("Require", "timer"));
        }
        ok.setContent(leg.mediaControl.reinviteAnswerSdp(), sip.sdpContentType());
        st.sendResponse(ok);
        leg.liveness.onRemoteRefresh(request);
        final boolean onHold = remoteHeld;
        leg.fire((l) -> l.onReinvited(leg, onHold));
    }

    /**
     * Our re-INVITE to hold or resume the far end.
     */
    void reinvite(final boolean hold)
    {
        if (leg.state != CallState.ANSWERED || null == leg.dialog || null == leg.media())
        {
            return;
        }
        holdRequested = hold;
        try
        {
            sendReinvite(leg.mediaControl.reinviteOfferSdp(hold), false, 0);
        }
        catch (final Exception ex)
        {
            LOGGER.debug("re-INVITE of {} failed: {}", leg.callId(), ex.toString());
        }
    }

    /**
     * Our session refresh (RFC 4028, we are the refresher): a re-INVITE with the unchanged SDP.
     *
     * @param intervalSeconds the session interval to ask for.
     * @return false when another re-INVITE of ours is still pending (try again later).
     * @throws Exception when it cannot be sent.
     */
    boolean refreshSession(final int intervalSeconds) throws Exception
    {
        if (null != reinviteCt)
        {
            return false;
        }
        sendReinvite(leg.mediaControl.refreshSdp(held), true, intervalSeconds);
        return true;
    }

    /**
     * A re-INVITE of a media release ({@link DirectMedia}): its final answer (the SDP of a 2xx applied to the
     * dialer's media first) or its timeout is reported to the release, never ending the leg.
     *
     * @param sdp     our offer.
     * @param release the release to tell.
     * @return false when it cannot be sent now: the leg is not answered, or another re-INVITE is pending.
     */
    boolean sendMediaOffer(final String sdp, final DirectMedia release)
    {
        if (leg.state != CallState.ANSWERED || null == leg.dialog || null != reinviteCt)
        {
            return false;
        }
        try
        {
            sendReinvite(sdp, false, 0);
            mediaOffer = release;
            return true;
        }
        catch (final Exception ex)
        {
            LOGGER.debug("media re-INVITE of {} failed: {}", leg.callId(), ex.toString());
            reinviteCt = null;
            return false;
        }
    }

    private void sendReinvite(final String sdp, final boolean refresh, final int intervalSeconds) throws Exception
    {
        final SipDispatcher sip = leg.sip;
        final Dialog dialog = leg.dialog;
        final Request request = dialog.createRequest(Request.INVITE);
        request.setContent(sdp, sip.sdpContentType());
        request.setHeader(sip.contact(contactUser(), leg.transport));
        if (refresh)
        {
            request.setHeader(sip.headerFactory.createHeader("Session-Expires", intervalSeconds + ";refresher=uac"));
            request.setHeader(sip.headerFactory.createHeader("Supported", "timer"));
        }
        final ClientTransaction ct = sip.provider.getNewClientTransaction(request);
        ct.setApplicationData(leg);
        reinviteCt = ct;
        refreshing = refresh;
        dialog.sendRequest(ct);
    }

    /**
     * The user part for our Contact: the number called (inbound) or our caller ID (outbound).
     */
    private String contactUser()
    {
        final Request request = leg.invite;
        final SipURI uri = (SipURI)(leg.isInbound() ? request.getRequestURI() :
            ((FromHeader)request.getHeader(FromHeader.NAME)).getAddress().getURI());
        final String user = uri.getUser();
        return null != user ? user : leg.sip.context.userAgent();
    }

    boolean isReinvite(final ClientTransaction ct)
    {
        return null != ct && ct == reinviteCt;
    }

    private void onReinviteResponse(final ResponseEvent event, final ClientTransaction ct)
    {
        final Response response = event.getResponse();
        final int status = response.getStatusCode();
        if (status < 200)
        {
            return;
        }
        final boolean current = null != ct && ct == reinviteCt;
        if (status < 300)
        {
            // every 2xx of an INVITE in the dialog is ACKed, a retransmission too
            final Dialog dialog = leg.dialog;
            try
            {
                final long seq = ((CSeqHeader)response.getHeader(CSeqHeader.NAME)).getSeqNumber();
                dialog.sendAck(dialog.createAck(seq));
            }
            catch (final Exception ex)
            {
                LOGGER.debug("ACK of re-INVITE 2xx failed: {}", ex.toString());
            }
        }
        if (!current || leg.state != CallState.ANSWERED)
        {
            return;
        }
        reinviteCt = null;
        final boolean refresh = refreshing;
        refreshing = false;
        final DirectMedia release = mediaOffer;
        mediaOffer = null;
        if (null != release)
        {
            final boolean applied = status >= 300 || leg.mediaControl.applyRemoteSdp(response);
            release.onAnswer(leg, applied ? status : Response.NOT_ACCEPTABLE_HERE);
        }
        else if (refresh)
        {
            leg.liveness.onRefreshAnswered(response);
        }
        else if (status < 300)
        {
            held = holdRequested;
            leg.mediaControl.direction(true, !holdRequested);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // OPTIONS

    /**
     * Sends an in-dialog OPTIONS: is the far end still in this call?
     *
     * @return its transaction.
     * @throws Exception when it cannot be sent.
     */
    ClientTransaction sendKeepalive() throws Exception
    {
        final Dialog dialog = leg.dialog;
        if (null == dialog)
        {
            throw new IllegalStateException("no dialog");
        }
        final Request options = dialog.createRequest(Request.OPTIONS);
        final ClientTransaction ct = leg.sip.provider.getNewClientTransaction(options);
        ct.setApplicationData(leg);
        dialog.sendRequest(ct);
        return ct;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // responses and timeouts

    /**
     * A response within the dialog: to a re-INVITE, BYE or OPTIONS of ours.
     */
    void onResponse(final ResponseEvent event, final ClientTransaction ct, final String method)
    {
        synchronized (leg.lock)
        {
            switch (method)
            {
                case Request.INVITE:
                    onReinviteResponse(event, ct);
                    break;

                case Request.BYE:
                    onByeResponse(event.getResponse());
                    break;

                case Request.OPTIONS:
                    leg.liveness.onKeepaliveResponse(ct, event.getResponse().getStatusCode());
                    break;

                default:
                    break;
            }
        }
        leg.deliver();
    }

    /**
     * A transaction within the dialog timed out: our re-INVITE (a session refresh: {@link EndCause#DIALOG_LOST}), or
     * the far end never ACKed our 2xx; the dialog is considered gone.
     */
    void onTimeout(final Transaction tx, final boolean serverTransaction)
    {
        final String method = tx.getRequest().getMethod();
        if (Request.INVITE.equals(method) && leg.state == CallState.ANSWERED)
        {
            final boolean refresh = !serverTransaction && tx == reinviteCt && refreshing;
            final DirectMedia release = !serverTransaction && tx == reinviteCt ? mediaOffer : null;
            if (!serverTransaction && tx == reinviteCt)
            {
                reinviteCt = null;
                refreshing = false;
                mediaOffer = null;
            }
            if (null != release)
            {
                // a media release falls back to the dialer's bridge: the call goes on
                release.onAnswer(leg, Response.REQUEST_TIMEOUT);
                return;
            }
            sendBye();
            leg.end(refresh ? EndCause.DIALOG_LOST : EndCause.SIGNALLING_ERROR);
        }
    }
}
