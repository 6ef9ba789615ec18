/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.io.IOException;
import java.util.List;

/**
 * The inbound side of a leg: the INVITE offered to us, handed to the {@link InboundCallHandler} without the leg's
 * lock, then rung (180), given early media (183), answered (200 with our SDP answer), challenged or rejected, and
 * its ACK and CANCEL. Everything but the handler call runs under the lock.
 */
final class InviteServer
{
    private static final Logger LOGGER = LoggerFactory.getLogger(InviteServer.class);

    private final CallLeg leg;
    private ServerTransaction inviteSt;
    private String localTag;
    private boolean ringingReported;
    private boolean earlyMediaReported;

    InviteServer(final CallLeg leg)
    {
        this.leg = leg;
    }

    /**
     * Offers the INVITE to the handler. The leg's outbox is held by this thread from the leg's creation, so events
     * raised meanwhile (the handler answering at once, a CANCEL) wait for the listener the handler returns.
     */
    void offer(final Request request, final ServerTransaction st, final InboundCallHandler handler)
    {
        final boolean acceptable;
        synchronized (leg.lock)
        {
            acceptable = take(request, st);
        }
        CallListener callListener = null;
        if (acceptable)
        {
            try
            {
                callListener = handler.onIncomingCall(leg);
            }
            catch (final RuntimeException ex)
            {
                LOGGER.warn("inbound call handler failed", ex);
            }
            synchronized (leg.lock)
            {
                leg.outbox.listener(null != callListener ? callListener : CallLeg.NO_LISTENER);
            }
        }
        leg.outbox.deliverHeld();
        if (acceptable && null == callListener)
        {
            leg.reject(Response.SERVER_INTERNAL_ERROR);
        }
    }

    private boolean take(final Request request, final ServerTransaction st)
    {
        if (leg.state.isTerminal())
        {
            return false;
        }
        leg.invite = request;
        inviteSt = st;
        st.setApplicationData(leg);
        localTag = SipDispatcher.newTag();
        leg.remoteUri = ((FromHeader)request.getHeader(FromHeader.NAME)).getAddress().getURI().toString();
        leg.localUri = request.getRequestURI().toString();
        final ViaHeader via = (ViaHeader)request.getHeader(ViaHeader.NAME);
        leg.transport = null != via && "tcp".equalsIgnoreCase(via.getTransport()) ? Transport.TCP : Transport.UDP;
        if (null != request.getRawContent() && request.getRawContent().length > 0 &&
            !leg.mediaControl.takeOffer(request.getRawContent()))
        {
            sendFinalError(Response.NOT_ACCEPTABLE_HERE);
            leg.state = CallState.FAILED;
            leg.sip.legEnded(leg);
            return false;
        }
        return true;
    }

    /**
     * 200 OK with our SDP answer.
     */
    void answer()
    {
        if (leg.state != CallState.OFFERED && leg.state != CallState.EARLY)
        {
            return;
        }
        try
        {
            if (!openMedia())
            {
                return;
            }
            final Response ok = leg.sip.messageFactory.createResponse(Response.OK, leg.invite);
            prepareResponse(ok);
            ok.setContent(leg.mediaControl.localSdp(), leg.sip.sdpContentType());
            inviteSt.sendResponse(ok);
            final Dialog dialog = inviteSt.getDialog();
            leg.dialog = dialog;
            if (null != dialog)
            {
                dialog.setApplicationData(leg);
            }
            leg.mediaControl.connect();
            leg.state = CallState.ANSWERED;
            leg.fire((l) -> l.onAnswered(leg));
            leg.liveness.start(null);
        }
        catch (final Exception ex)
        {
            LOGGER.warn("cannot answer call {}", leg.callId(), ex);
            leg.end(EndCause.SIGNALLING_ERROR);
        }
    }

    private boolean openMedia()
    {
        try
        {
            leg.mediaControl.openForAnswer();
            return true;
        }
        catch (final IOException | RuntimeException ex)
        {
            LOGGER.warn("no media for inbound call {}: {}", leg.callId(), ex.toString());
            sendFinalError(Response.SERVICE_UNAVAILABLE);
            leg.end(EndCause.LOCAL);
            return false;
        }
    }

    /**
     * Checks the INVITE's digest credentials; challenges (401) and ends the leg when they are absent or wrong.
     */
    boolean authenticate(final String realm, final String user, final String password)
    {
        if (leg.state != CallState.OFFERED)
        {
            return false;
        }
        final SipDispatcher sip = leg.sip;
        final Request invite = leg.invite;
        final AuthorizationHeader authorization = (AuthorizationHeader)invite.getHeader(AuthorizationHeader.NAME);
        if (null != authorization && user.equals(authorization.getUsername()) &&
            realm.equals(authorization.getRealm()) && sip.validNonce(authorization.getNonce()) &&
            null != authorization.getURI())
        {
            final String qop = authorization.getQop();
            final String nc = authorization.getNonceCount() > 0 ?
                String.format("%08x", authorization.getNonceCount()) : null;
            final String expected = Digest.response(user, realm, password, invite.getMethod(),
                authorization.getURI().toString(), authorization.getNonce(), qop, nc, authorization.getCNonce());
            if (expected.equalsIgnoreCase(authorization.getResponse()))
            {
                return true;
            }
        }
        try
        {
            final Response challenge = sip.messageFactory.createResponse(Response.UNAUTHORIZED, invite);
            ((ToHeader)challenge.getHeader(ToHeader.NAME)).setTag(localTag);
            final WWWAuthenticateHeader header = sip.headerFactory.createWWWAuthenticateHeader("Digest");
            header.setRealm(realm);
            header.setNonce(sip.nonce());
            header.setAlgorithm("MD5");
            challenge.addHeader(header);
            inviteSt.sendResponse(challenge);
        }
        catch (final Exception ex)
        {
            LOGGER.debug("cannot challenge {}: {}", leg.callId(), ex.toString());
        }
        leg.end(EndCause.LOCAL);
        return false;
    }

    /**
     * 180 Ringing.
     */
    void ring()
    {
        if (leg.state != CallState.OFFERED && leg.state != CallState.EARLY)
        {
            return;
        }
        sendProvisional(Response.RINGING, false);
    }

    /**
     * 183 Session Progress with our SDP, media connected; 180 when the INVITE had no offer.
     */
    void earlyMedia()
    {
        if (leg.state != CallState.OFFERED && leg.state != CallState.EARLY)
        {
            return;
        }
        if (!leg.mediaControl.hasRemoteDescription())
        {
            sendProvisional(Response.RINGING, false);
            return;
        }
        if (!openMedia())
        {
            return;
        }
        sendProvisional(Response.SESSION_PROGRESS, true);
        leg.mediaControl.connect();
    }

    /**
     * A final error response, and the leg is over ({@link EndCause#LOCAL}).
     */
    void reject(final int status)
    {
        if (leg.state != CallState.OFFERED && leg.state != CallState.EARLY)
        {
            return;
        }
        sendFinalError(status);
        leg.end(EndCause.LOCAL);
    }

    private void prepareResponse(final Response response) throws Exception
    {
        ((ToHeader)response.getHeader(ToHeader.NAME)).setTag(localTag);
        final String user = ((SipURI)leg.invite.getRequestURI()).getUser();
        response.addHeader(leg.sip.contact(null != user ? user : leg.sip.context.userAgent(), leg.transport));
        response.addHeader(leg.sip.headerFactory.createServerHeader(List.of(leg.sip.context.userAgent())));
    }

    private void sendProvisional(final int status, final boolean withSdp)
    {
        try
        {
            final Response response = leg.sip.messageFactory.createResponse(status, leg.invite);
            prepareResponse(response);
            if (withSdp)
            {
                response.setContent(leg.mediaControl.localSdp(), leg.sip.sdpContentType());
            }
            inviteSt.sendResponse(response);
            leg.state = CallState.EARLY;
            if (!ringingReported || (withSdp && !earlyMediaReported))
            {
                ringingReported = true;
                earlyMediaReported |= withSdp;
                leg.fire((l) -> l.onRinging(leg, withSdp));
            }
        }
        catch (final Exception ex)
        {
            LOGGER.debug("cannot send {} for {}: {}", status, leg.callId(), ex.toString());
        }
    }

    void sendFinalError(final int status)
    {
        if (null == inviteSt)
        {
            return;
        }
        try
        {
            final Response response = leg.sip.messageFactory.createResponse(status, leg.invite);
            ((ToHeader)response.getHeader(ToHeader.NAME)).setTag(localTag);
            inviteSt.sendResponse(response);
        }
        catch (final Exception ex)
        {
            LOGGER.debug("cannot send {} for {}: {}", status, leg.callId(), ex.toString());
        }
    }

    /**
     * The ACK of our 2xx: it may carry the SDP answer to the offer our 2xx made (an INVITE without SDP).
     */
    void onAck(final RequestEvent event)
    {
        synchronized (leg.lock)
        {
            final Request ack = event.getRequest();
            if (!leg.mediaControl.hasRemoteDescription() && null != ack.getRawContent() &&
                ack.getRawContent().length > 0)
            {
                leg.mediaControl.applyRemoteSdp(ack);
            }
        }
        leg.deliver();
    }

    /**
     * The far end cancels its INVITE: 200 to the CANCEL, 487 to the INVITE while unanswered.
     */
    void onCancel(final RequestEvent event) throws Exception
    {
        try
        {
            synchronized (leg.lock)
            {
                leg.sip.respond(event, Response.OK);
                if (leg.isInbound() && (leg.state == CallState.OFFERED || leg.state == CallState.EARLY))
                {
                    sendFinalError(Response.REQUEST_TERMINATED);
                    leg.end(EndCause.REMOTE_CANCEL);
                }
            }
        }
        finally
        {
            leg.deliver();
        }
    }
}
