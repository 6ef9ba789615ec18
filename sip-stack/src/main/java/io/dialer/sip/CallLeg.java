/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.javax.sip.Utils;
import gov.nist.javax.sip.header.HeaderExt;
import io.dialer.detection.DetectorConfig;
import io.dialer.media.AudioTap;
import io.dialer.audio.Codec;
import io.dialer.media.MediaListener;
import io.dialer.media.Prompt;
import org.agrona.concurrent.SystemNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.Transaction;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One call leg: an outbound call we dialed or an inbound call offered to us, with its dialog and media.
 * <p>
 * Every method is thread-safe and returns at once (it sends a SIP message or queues a media command); outcomes
 * arrive on the leg's {@link CallListener}.
 */
public final class CallLeg
{
    private static final Logger LOGGER = LoggerFactory.getLogger(CallLeg.class);
    private static final CallListener NO_LISTENER = new CallListener()
    {
    };

    private final SipDispatcher sip;
    private final long id;
    private final boolean inbound;
    private final String callId;
    private final long sdpSessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE >> 1);
    private final LegMediaListener mediaListener = new LegMediaListener();

    private volatile CallListener listener;
    private volatile CallState state;
    private volatile Codec codec;
    private volatile LegMedia media;
    private volatile String localUri;
    private volatile String remoteUri;
    private volatile Request invite;

    private List<Consumer<CallListener>> pendingEvents;
    private Transport transport = Transport.UDP;
    private ClientTransaction inviteCt;
    private ServerTransaction inviteSt;
    private Dialog dialog;
    private Request lastAck;
    private int inviteAuthAttempts;
    private int byeAuthAttempts;
    private boolean provisionalSeen;
    private boolean ringingReported;
    private boolean earlyMediaReported;
    private boolean cancelRequested;
    private boolean cancelSent;
    private FailureCause cancelCause;
    private ScheduledFuture<?> ringTimer;
    private long sdpVersion;
    private String localTag;
    private Sdp.Description remoteDescription;
    private InetSocketAddress connectedRemote;
    private int telephoneEventPt = -1;
    private String localDirection = Sdp.SENDRECV;
    private ClientTransaction reinviteCt;
    private boolean holdRequested;
    private DetectorConfig detectorConfig;
    private LegDetection detection;

    CallLeg(
        final SipDispatcher sip, final long id, final boolean inbound, final String callId, final CallListener listener)
    {
        this.sip = sip;
        this.id = id;
        this.inbound = inbound;
        this.callId = callId;
        this.listener = listener;
        this.state = inbound ? CallState.OFFERED : CallState.CALLING;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // public API

    /**
     * Unique id of the leg within its stack.
     *
     * @return the id.
     */
    public long id()
    {
        return id;
    }

    /**
     * Where the leg is in its life.
     *
     * @return the state.
     */
    public CallState state()
    {
        return state;
    }

    /**
     * Whether the far end called us.
     *
     * @return true for inbound legs.
     */
    public boolean isInbound()
    {
        return inbound;
    }

    /**
     * The SIP Call-ID.
     *
     * @return the Call-ID.
     */
    public String callId()
    {
        return callId;
    }

    /**
     * The far end: the dialed URI (outbound) or the From URI (inbound).
     *
     * @return the URI.
     */
    public String remoteUri()
    {
        return remoteUri;
    }

    /**
     * Our side: the From URI (outbound) or the Request-URI (inbound), whose user part is the number called.
     *
     * @return the URI.
     */
    public String localUri()
    {
        return localUri;
    }

    /**
     * A header of the INVITE that created the leg (sent or received), e.g. {@code P-Asserted-Identity}.
     *
     * @param name header name.
     * @return the first such header's value, or null.
     */
    public String header(final String name)
    {
        final Request request = invite;
        final Header header = null == request ? null : request.getHeader(name);
        if (null == header)
        {
            return null;
        }
        if (header instanceof HeaderExt)
        {
            return ((HeaderExt)header).getValue();
        }
        final String text = header.toString();
        final int colon = text.indexOf(':');
        return text.substring(colon + 1).trim();
    }

    /**
     * The negotiated codec.
     *
     * @return the codec, or null before media is negotiated.
     */
    public Codec codec()
    {
        return codec;
    }

    /**
     * Answers an inbound call (200 OK with our SDP answer). No effect once the call is over.
     *
     * @throws IllegalStateException on an outbound leg.
     */
    public synchronized void answer()
    {
        requireInbound();
        if (state != CallState.OFFERED && state != CallState.EARLY)
        {
            return;
        }
        try
        {
            if (!openMediaForAnswer())
            {
                return;
            }
            final Response ok = sip.messageFactory.createResponse(Response.OK, invite);
            prepareResponse(ok);
            ok.setContent(localSdp(), sip.sdpContentType());
            inviteSt.sendResponse(ok);
            dialog = inviteSt.getDialog();
            if (null != dialog)
            {
                dialog.setApplicationData(this);
            }
            connectMedia();
            state = CallState.ANSWERED;
            fire((l) -> l.onAnswered(this));
        }
        catch (final Exception ex)
        {
            LOGGER.warn("cannot answer call {}", callId, ex);
            end(EndCause.SIGNALLING_ERROR);
        }
    }

    /**
     * Checks the inbound INVITE's digest credentials (Authorization header, MD5); when absent or wrong, answers 401
     * with a fresh challenge for the realm and ends the leg ({@link EndCause#LOCAL}). For simulated carriers.
     *
     * @param realm    the realm.
     * @param user     the expected user name.
     * @param password the expected password.
     * @return true when the credentials are right and the leg can be answered.
     * @throws IllegalStateException on an outbound leg.
     */
    public synchronized boolean authenticate(final String realm, final String user, final String password)
    {
        requireInbound();
        if (state != CallState.OFFERED)
        {
            return false;
        }
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
            LOGGER.debug("cannot challenge {}: {}", callId, ex.toString());
        }
        end(EndCause.LOCAL);
        return false;
    }

    /**
     * Lets an inbound call ring: 180 Ringing.
     *
     * @throws IllegalStateException on an outbound leg.
     */
    public synchronized void ring()
    {
        requireInbound();
        if (state != CallState.OFFERED && state != CallState.EARLY)
        {
            return;
        }
        sendProvisional(Response.RINGING, false);
    }

    /**
     * Early media on an inbound call: 183 Session Progress with our SDP; prompts can then be played before answer.
     *
     * @throws IllegalStateException on an outbound leg.
     */
    public synchronized void earlyMedia()
    {
        requireInbound();
        if (state != CallState.OFFERED && state != CallState.EARLY)
        {
            return;
        }
        try
        {
            if (null == remoteDescription || !openMediaForAnswer())
            {
                sendProvisional(Response.RINGING, false);
                return;
            }
        }
        catch (final Exception ex)
        {
            LOGGER.warn("cannot open early media for {}", callId, ex);
            return;
        }
        sendProvisional(Response.SESSION_PROGRESS, true);
        connectMedia();
    }

    /**
     * Rejects an inbound call with a final status (486 busy, 480 unavailable, 603 decline, ...).
     *
     * @param status SIP status, 300 to 699.
     * @throws IllegalStateException on an outbound leg.
     */
    public synchronized void reject(final int status)
    {
        requireInbound();
        if (status < 300 || status > 699)
        {
            throw new IllegalArgumentException("not a final error status: " + status);
        }
        if (state != CallState.OFFERED && state != CallState.EARLY)
        {
            return;
        }
        sendFinalError(status);
        end(EndCause.LOCAL);
    }

    /**
     * Hangs up: BYE when answered, CANCEL while an outbound call rings, 480 while an inbound call is unanswered.
     * Reported as {@link EndCause#LOCAL}. No effect once the call is over.
     */
    public synchronized void hangup()
    {
        switch (state)
        {
            case CALLING:
            case EARLY:
                if (inbound)
                {
                    reject(Response.TEMPORARILY_UNAVAILABLE);
                }
                else
                {
                    requestCancel(null);
                }
                break;

            case OFFERED:
                reject(Response.TEMPORARILY_UNAVAILABLE);
                break;

            case ANSWERED:
                sendBye();
                end(EndCause.LOCAL);
                break;

            default:
                break;
        }
    }

    /**
     * Plays a prompt to the far end, replacing any prompt playing.
     *
     * @param prompt  the audio.
     * @param loop    repeat until stopped.
     * @param bargeIn stop on a received DTMF digit.
     * @return the playback id reported by {@link CallListener#onPlaybackFinished}.
     * @throws IllegalStateException when the leg has no media (not yet answered inbound, or over).
     */
    public long play(final Prompt prompt, final boolean loop, final boolean bargeIn)
    {
        return requireMedia().play(prompt, loop, bargeIn);
    }

    /**
     * Plays a prompt under the caller's own id, replacing any prompt playing: the id comes back in
     * {@link CallListener#onPlaybackFinished}, so an owner can tell which of its plays ended.
     *
     * @param prompt     the audio.
     * @param loop       repeat until stopped.
     * @param bargeIn    stop on a received DTMF digit.
     * @param playbackId the id to report.
     * @throws IllegalStateException when the leg has no media (not yet answered inbound, or over).
     */
    public void play(final Prompt prompt, final boolean loop, final boolean bargeIn, final long playbackId)
    {
        requireMedia().play(prompt, loop, bargeIn, playbackId);
    }

    /**
     * Stops the prompt playing, if any.
     */
    public void stopPlayback()
    {
        final LegMedia m = media;
        if (null != m)
        {
            m.stopPlayback();
        }
    }

    /**
     * Sends a DTMF digit as RFC 4733 telephone-events.
     *
     * @param digit      {@code 0-9 * # A-D}.
     * @param durationMs key press duration.
     * @throws IllegalStateException when the leg has no media.
     */
    public void sendDtmf(final char digit, final int durationMs)
    {
        requireMedia().sendDtmf(digit, durationMs);
    }

    /**
     * Sends a DTMF digit as a SIP INFO ({@code application/dtmf-relay}).
     *
     * @param digit      {@code 0-9 * # A-D}.
     * @param durationMs key press duration.
     */
    public synchronized void sendDtmfInfo(final char digit, final int durationMs)
    {
        if (state != CallState.ANSWERED || null == dialog)
        {
            return;
        }
        try
        {
            final Request info = dialog.createRequest(Request.INFO);
            info.setContent("Signal=" + digit + "\r\nDuration=" + durationMs + "\r\n",
                sip.headerFactory.createContentTypeHeader("application", "dtmf-relay"));
            final ClientTransaction ct = sip.provider.getNewClientTransaction(info);
            ct.setApplicationData(this);
            dialog.sendRequest(ct);
        }
        catch (final Exception ex)
        {
            LOGGER.debug("INFO on {} failed: {}", callId, ex.toString());
        }
    }

    /**
     * Bridges this leg's media with another's: each far end hears the other.
     *
     * @param other the other leg (answered or with early media).
     * @throws IllegalStateException when either leg has no media.
     */
    public void bridge(final CallLeg other)
    {
        requireMedia().bridge(other.requireMedia());
    }

    /**
     * Bridges this leg's media with another's at once and plays a prompt both far ends hear over their conversation
     * (the warm transfer's introduction); when both have heard it the legs stay bridged. Its end is reported to this
     * leg's listener with {@link CallListener#onPlaybackFinished} and the given id. See
     * {@link io.dialer.media.MediaSession#bridge(io.dialer.media.MediaSession, Prompt, long)}.
     *
     * @param other        the other leg (answered or with early media).
     * @param introduction the prompt both hear.
     * @param playbackId   the id to report.
     * @throws IllegalStateException when either leg has no media.
     */
    public void bridge(final CallLeg other, final Prompt introduction, final long playbackId)
    {
        requireMedia().bridge(other.requireMedia(), introduction, playbackId);
    }

    /**
     * Ends a bridge this leg is part of.
     */
    public void unbridge()
    {
        final LegMedia m = media;
        if (null != m)
        {
            m.unbridge();
        }
    }

    /**
     * Subscribes to the leg's decoded received audio.
     *
     * @param tap the subscriber, called on the media thread.
     * @throws IllegalStateException when the leg has no media.
     */
    public void addTap(final AudioTap tap)
    {
        requireMedia().addTap(tap);
    }

    /**
     * Unsubscribes from the received audio.
     *
     * @param tap the subscriber.
     */
    public void removeTap(final AudioTap tap)
    {
        final LegMedia m = media;
        if (null != m)
        {
            m.removeTap(tap);
        }
    }

    /**
     * Puts the far end on hold: re-INVITE with {@code a=sendonly} (we may play hold music, we expect no audio).
     */
    public void hold()
    {
        reinvite(true);
    }

    /**
     * Takes the far end off hold: re-INVITE with {@code a=sendrecv}.
     */
    public void resume()
    {
        reinvite(false);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "CallLeg{id=" + id + ", " + (inbound ? "in" : "out") + ", " + state + ", " + remoteUri + "}";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // outbound

    synchronized void dial(
        final DialRequest request, final SipURI target, final Transport transport, final long ringTimeoutMs)
    {
        this.transport = transport;
        this.remoteUri = target.toString();
        this.detectorConfig = request.detection();
        try
        {
            final CallLeg near = request.mediaAffinity();
            final LegMedia nearMedia = null == near ? null : near.media;
            media = null == nearMedia ? sip.media.open(mediaListener) : sip.media.open(mediaListener, nearMedia);
        }
        catch (final IOException | RuntimeException ex)
        {
            fail(FailureCause.CARRIER_ERROR, 0, "no media: " + ex.getMessage());
            return;
        }
        try
        {
            final Request request0 = sip.newRequest(Request.INVITE, target, request.callerIdName(),
                request.callerIdUser(), null, transport, callId);
            final FromHeader from = (FromHeader)request0.getHeader(FromHeader.NAME);
            localUri = from.getAddress().getURI().toString();
            if (null != request.assertedIdentity() || null != request.callerIdUser())
            {
                final String pai = null != request.assertedIdentity() ?
                    "<" + request.assertedIdentity() + ">" : from.getAddress().toString();
                request0.addHeader(sip.headerFactory.createHeader("P-Asserted-Identity", pai));
            }
            request0.addHeader(sip.headerFactory.createAllowHeader(SipDispatcher.ALLOW));
            request0.setContent(
                Sdp.offer(media.localAddress(), sdpSessionId, sdpVersion, Sdp.SENDRECV), sip.sdpContentType());
            invite = request0;
            ringTimer = sip.timer.schedule(this::onRingTimeout, ringTimeoutMs, TimeUnit.MILLISECONDS);
            sendInvite(request0);
        }
        catch (final Exception ex)
        {
            LOGGER.debug("INVITE to {} failed", target, ex);
            fail(FailureCause.CARRIER_ERROR, 0, "cannot send INVITE: " + ex.getMessage());
        }
    }

    private void sendInvite(final Request request) throws Exception
    {
        final ClientTransaction ct = sip.provider.getNewClientTransaction(request);
        ct.setApplicationData(this);
        inviteCt = ct;
        dialog = ct.getDialog();
        if (null != dialog)
        {
            dialog.setApplicationData(this);
        }
        ct.sendRequest();
    }

    private void onRingTimeout()
    {
        synchronized (this)
        {
            if (state == CallState.CALLING || state == CallState.EARLY)
            {
                requestCancel(FailureCause.NO_ANSWER);
            }
        }
    }

    private void requestCancel(final FailureCause cause)
    {
        if (cancelRequested)
        {
            return;
        }
        cancelRequested = true;
        cancelCause = cause;
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
            final ClientTransaction ct = sip.provider.getNewClientTransaction(cancel);
            ct.setApplicationData(this);
            ct.sendRequest();
        }
        catch (final Exception ex)
        {
            LOGGER.debug("CANCEL of {} failed: {}", callId, ex.toString());
        }
    }

    synchronized void onResponse(final ResponseEvent event, final ClientTransaction ct)
    {
        final Response response = event.getResponse();
        final String method = ((CSeqHeader)response.getHeader(CSeqHeader.NAME)).getMethod();
        final int status = response.getStatusCode();
        if (Request.INVITE.equals(method))
        {
            if (null != ct && ct == reinviteCt)
            {
                onReinviteResponse(event);
            }
            else
            {
                onInviteResponse(event, ct);
            }
        }
        else if (Request.BYE.equals(method) && (status == 401 || status == 407) && byeAuthAttempts == 0 &&
            null != sip.context.trunkUser() && null != dialog)
        {
            byeAuthAttempts++;
            try
            {
                final Request bye = dialog.createRequest(Request.BYE);
                authorize(bye, response);
                final ClientTransaction byeCt = sip.provider.getNewClientTransaction(bye);
                byeCt.setApplicationData(this);
                dialog.sendRequest(byeCt);
            }
            catch (final Exception ex)
            {
                LOGGER.debug("BYE retry with credentials failed: {}", ex.toString());
            }
        }
    }

    private void onInviteResponse(final ResponseEvent event, final ClientTransaction ct)
    {
        final Response response = event.getResponse();
        final int status = response.getStatusCode();
        if (inbound)
        {
            return;
        }
        if (status < 200)
        {
            onProvisional(response);
            return;
        }
        if (status < 300)
        {
            onInvite2xx(event);
            return;
        }
        if (null != ct && ct != inviteCt)
        {
            return;
        }
        if (state.isTerminal())
        {
            return;
        }
        if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED) &&
            !cancelRequested)
        {
            onChallenge(response);
            return;
        }
        if (cancelRequested)
        {
            finishCancelled(status, response.getReasonPhrase());
        }
        else
        {
            fail(FailureCause.ofStatus(status), status, response.getReasonPhrase());
        }
    }

    private void onProvisional(final Response response)
    {
        provisionalSeen = true;
        if (state.isTerminal())
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
            early = applyRemoteSdp(response);
        }
        state = CallState.EARLY;
        if (!ringingReported || (early && !earlyMediaReported))
        {
            ringingReported = true;
            earlyMediaReported |= early;
            final boolean earlyMedia = early;
            fire((l) -> l.onRinging(this, earlyMedia));
        }
    }

    private void onInvite2xx(final ResponseEvent event)
    {
        final Response response = event.getResponse();
        final Dialog responseDialog = null != event.getDialog() ? event.getDialog() : dialog;
        if (state == CallState.ANSWERED || state == CallState.ENDED)
        {
            if (responseDialog == dialog && null != lastAck)
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
        cancelRingTimer();
        dialog = responseDialog;
        if (null != dialog)
        {
            dialog.setApplicationData(this);
        }
        final boolean hasSdp = null != response.getRawContent() && response.getRawContent().length > 0;
        if (hasSdp && !applyRemoteSdp(response))
        {
            sip.ackAndBye(dialog, response);
            fail(FailureCause.CARRIER_ERROR, Response.NOT_ACCEPTABLE_HERE, "no usable SDP answer");
            return;
        }
        if (null == connectedRemote)
        {
            sip.ackAndBye(dialog, response);
            fail(FailureCause.CARRIER_ERROR, Response.NOT_ACCEPTABLE_HERE, "no SDP answer");
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
            LOGGER.warn("cannot ACK 2xx of {}", callId, ex);
        }
        state = CallState.ANSWERED;
        if (null != detectorConfig)
        {
            // position 0 is now; its events need this leg's lock, so they cannot overtake onAnswered
            detection = LegDetection.start(this, media, detectorConfig, SystemNanoClock.INSTANCE);
        }
        fire((l) -> l.onAnswered(this));
    }

    private void resendAck()
    {
        try
        {
            dialog.sendAck(lastAck);
        }
        catch (final Exception ex)
        {
            LOGGER.debug("re-ACK of {} failed: {}", callId, ex.toString());
        }
    }

    private void onChallenge(final Response response)
    {
        if (null == sip.context.trunkUser())
        {
            fail(FailureCause.CARRIER_ERROR, response.getStatusCode(), "challenged, no trunk credentials");
            return;
        }
        if (inviteAuthAttempts > 0)
        {
            fail(FailureCause.AUTH_FAILED, response.getStatusCode(), "credentials refused");
            return;
        }
        inviteAuthAttempts++;
        try
        {
            final Request retry = (Request)inviteCt.getRequest().clone();
            final CSeqHeader cseq = (CSeqHeader)retry.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            final ViaHeader via = (ViaHeader)retry.getHeader(ViaHeader.NAME);
            via.setBranch(Utils.getInstance().generateBranchId());
            if (!authorize(retry, response))
            {
                fail(FailureCause.AUTH_FAILED, response.getStatusCode(), "realm not configured");
                return;
            }
            invite = retry;
            sendInvite(retry);
        }
        catch (final Exception ex)
        {
            fail(FailureCause.CARRIER_ERROR, response.getStatusCode(), "cannot answer challenge: " + ex);
        }
    }

    private boolean authorize(final Request request, final Response challengeResponse) throws Exception
    {
        final boolean proxy = challengeResponse.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        final WWWAuthenticateHeader challenge = (WWWAuthenticateHeader)challengeResponse.getHeader(
            proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME);
        if (null == challenge)
        {
            return false;
        }
        final String realm = challenge.getRealm();
        final SipStack.Context ctx = sip.context;
        if (null != ctx.trunkRealm() && !ctx.trunkRealm().equals(realm))
        {
            return false;
        }
        final AuthorizationHeader authorization = proxy ?
            sip.headerFactory.createProxyAuthorizationHeader("Digest") :
            sip.headerFactory.createAuthorizationHeader("Digest");
        final String uri = request.getRequestURI().toString();
        authorization.setUsername(ctx.trunkUser());
        authorization.setRealm(realm);
        authorization.setNonce(challenge.getNonce());
        authorization.setURI(request.getRequestURI());
        authorization.setAlgorithm("MD5");
        if (null != challenge.getOpaque() && !challenge.getOpaque().isEmpty())
        {
            authorization.setOpaque(challenge.getOpaque());
        }
        String qop = null;
        String cnonce = null;
        if (null != challenge.getQop() && challenge.getQop().toLowerCase(Locale.ROOT).contains("auth"))
        {
            qop = "auth";
            cnonce = DigestNonce.next();
            authorization.setQop(qop);
            authorization.setCNonce(cnonce);
            authorization.setNonceCount(1);
        }
        authorization.setResponse(Digest.response(ctx.trunkUser(), realm, ctx.trunkPassword(),
            request.getMethod(), uri, challenge.getNonce(), qop, "00000001", cnonce));
        request.setHeader(authorization);
        return true;
    }

    private void finishCancelled(final int status, final String reason)
    {
        if (FailureCause.NO_ANSWER == cancelCause)
        {
            fail(FailureCause.NO_ANSWER, status, reason);
        }
        else
        {
            end(EndCause.LOCAL);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // inbound

    synchronized void offer(final Request request, final ServerTransaction st, final InboundCallHandler handler)
    {
        invite = request;
        inviteSt = st;
        st.setApplicationData(this);
        localTag = SipDispatcher.newTag();
        remoteUri = ((FromHeader)request.getHeader(FromHeader.NAME)).getAddress().getURI().toString();
        localUri = request.getRequestURI().toString();
        final ViaHeader via = (ViaHeader)request.getHeader(ViaHeader.NAME);
        transport = null != via && "tcp".equalsIgnoreCase(via.getTransport()) ? Transport.TCP : Transport.UDP;
        if (null != request.getRawContent() && request.getRawContent().length > 0)
        {
            try
            {
                remoteDescription = Sdp.parse(new String(request.getRawContent(), StandardCharsets.UTF_8));
            }
            catch (final Exception ex)
            {
                remoteDescription = null;
            }
            if (null == remoteDescription || null == remoteDescription.firstCommonCodec())
            {
                sendFinalError(Response.NOT_ACCEPTABLE_HERE);
                state = CallState.FAILED;
                listener = NO_LISTENER;
                sip.legEnded(this);
                return;
            }
        }
        pendingEvents = new ArrayList<>(2);
        CallListener callListener = null;
        try
        {
            callListener = handler.onIncomingCall(this);
        }
        catch (final RuntimeException ex)
        {
            LOGGER.warn("inbound call handler failed", ex);
        }
        listener = null != callListener ? callListener : NO_LISTENER;
        final List<Consumer<CallListener>> pending = pendingEvents;
        pendingEvents = null;
        for (final Consumer<CallListener> event : pending)
        {
            deliver(event);
        }
        if (null == callListener && !state.isTerminal())
        {
            reject(Response.SERVER_INTERNAL_ERROR);
        }
    }

    private boolean openMediaForAnswer() throws Exception
    {
        if (null != media)
        {
            return true;
        }
        try
        {
            media = sip.media.open(mediaListener);
        }
        catch (final IOException | RuntimeException ex)
        {
            LOGGER.warn("no media for inbound call {}: {}", callId, ex.toString());
            sendFinalError(Response.SERVICE_UNAVAILABLE);
            end(EndCause.LOCAL);
            return false;
        }
        if (null != remoteDescription)
        {
            codec = remoteDescription.firstCommonCodec();
            telephoneEventPt = remoteDescription.telephoneEventPt;
            localDirection = remoteDescription.answerDirection();
        }
        return true;
    }

    private String localSdp()
    {
        if (null == codec)
        {
            return Sdp.offer(media.localAddress(), sdpSessionId, sdpVersion, localDirection);
        }
        return Sdp.answer(media.localAddress(), sdpSessionId, sdpVersion, codec, telephoneEventPt, localDirection);
    }

    private void connectMedia()
    {
        if (null == remoteDescription || null == codec || null == media)
        {
            return;
        }
        final InetSocketAddress remote = Sdp.resolve(remoteDescription.remote);
        if (!remote.equals(connectedRemote))
        {
            media.connect(remote, codec, telephoneEventPt);
            connectedRemote = remote;
        }
        media.direction(remoteDescription.weSend(), remoteDescription.weReceive());
    }

    private void prepareResponse(final Response response) throws Exception
    {
        ((ToHeader)response.getHeader(ToHeader.NAME)).setTag(localTag);
        final String user = ((SipURI)invite.getRequestURI()).getUser();
        response.addHeader(sip.contact(null != user ? user : sip.context.userAgent(), transport));
        response.addHeader(sip.headerFactory.createServerHeader(List.of(sip.context.userAgent())));
    }

    private void sendProvisional(final int status, final boolean withSdp)
    {
        try
        {
            final Response response = sip.messageFactory.createResponse(status, invite);
            prepareResponse(response);
            if (withSdp)
            {
                response.setContent(localSdp(), sip.sdpContentType());
            }
            inviteSt.sendResponse(response);
            state = CallState.EARLY;
            if (!ringingReported || (withSdp && !earlyMediaReported))
            {
                ringingReported = true;
                earlyMediaReported |= withSdp;
                fire((l) -> l.onRinging(this, withSdp));
            }
        }
        catch (final Exception ex)
        {
            LOGGER.debug("cannot send {} for {}: {}", status, callId, ex.toString());
        }
    }

    private void sendFinalError(final int status)
    {
        try
        {
            final Response response = sip.messageFactory.createResponse(status, invite);
            ((ToHeader)response.getHeader(ToHeader.NAME)).setTag(localTag);
            inviteSt.sendResponse(response);
        }
        catch (final Exception ex)
        {
            LOGGER.debug("cannot send {} for {}: {}", status, callId, ex.toString());
        }
    }

    synchronized void onAck(final RequestEvent event)
    {
        final Request ack = event.getRequest();
        if (inbound && null == remoteDescription && null != ack.getRawContent() && ack.getRawContent().length > 0)
        {
            if (applyRemoteSdp(ack))
            {
                connectMedia();
            }
        }
    }

    synchronized void onCancel(final RequestEvent event) throws Exception
    {
        sip.respond(event, Response.OK);
        if (inbound && (state == CallState.OFFERED || state == CallState.EARLY))
        {
            sendFinalError(Response.REQUEST_TERMINATED);
            end(EndCause.REMOTE_CANCEL);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // in dialog, both directions

    synchronized void onBye(final RequestEvent event) throws Exception
    {
        sip.respond(event, Response.OK);
        if (state == CallState.ANSWERED)
        {
            end(EndCause.REMOTE_BYE);
        }
        else if (!state.isTerminal())
        {
            if (inbound)
            {
                sendFinalError(Response.REQUEST_TERMINATED);
            }
            end(EndCause.REMOTE_BYE);
        }
    }

    synchronized void onInfo(final RequestEvent event) throws Exception
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
        sip.respond(event, Response.OK);
        if (0 != digit && state == CallState.ANSWERED)
        {
            final char d = digit;
            fire((l) -> l.onDtmf(this, d, DtmfSource.SIP_INFO));
        }
    }

    synchronized void onReinvite(final RequestEvent event) throws Exception
    {
        final ServerTransaction st = sip.serverTransaction(event);
        if (null == st)
        {
            return;
        }
        final Request request = event.getRequest();
        if (state != CallState.ANSWERED || null == media)
        {
            final Response busy = sip.messageFactory.createResponse(Response.REQUEST_PENDING, request);
            st.sendResponse(busy);
            return;
        }
        boolean held = false;
        if (null != request.getRawContent() && request.getRawContent().length > 0)
        {
            final Sdp.Description description;
            try
            {
                description = Sdp.parse(new String(request.getRawContent(), StandardCharsets.UTF_8));
            }
            catch (final Exception ex)
            {
                st.sendResponse(sip.messageFactory.createResponse(Response.NOT_ACCEPTABLE_HERE, request));
                return;
            }
            final Codec newCodec = description.codecs.contains(codec) ? codec : description.firstCommonCodec();
            if (null == newCodec)
            {
                st.sendResponse(sip.messageFactory.createResponse(Response.NOT_ACCEPTABLE_HERE, request));
                return;
            }
            held = description.held();
            final boolean changed = newCodec != codec || description.telephoneEventPt != telephoneEventPt;
            remoteDescription = description;
            codec = newCodec;
            telephoneEventPt = description.telephoneEventPt;
            localDirection = description.answerDirection();
            if (changed)
            {
                connectedRemote = null;
            }
            if (!description.nullAddress)
            {
                connectMedia();
            }
            else
            {
                media.direction(false, false);
            }
        }
        sdpVersion++;
        final Response ok = sip.messageFactory.createResponse(Response.OK, request);
        final String user = ((SipURI)(inbound ? invite.getRequestURI() :
            ((FromHeader)invite.getHeader(FromHeader.NAME)).getAddress().getURI())).getUser();
        ok.addHeader(sip.contact(null != user ? user : sip.context.userAgent(), transport));
        ok.setContent(localSdp(), sip.sdpContentType());
        st.sendResponse(ok);
        final boolean onHold = held;
        fire((l) -> l.onReinvited(this, onHold));
    }

    private void reinvite(final boolean hold)
    {
        synchronized (this)
        {
            if (state != CallState.ANSWERED || null == dialog || null == media)
            {
                return;
            }
            holdRequested = hold;
            sdpVersion++;
            try
            {
                final Request request = dialog.createRequest(Request.INVITE);
                final String direction = hold ? Sdp.SENDONLY : Sdp.SENDRECV;
                final String sdp = null == codec ?
                    Sdp.offer(media.localAddress(), sdpSessionId, sdpVersion, direction) :
                    Sdp.answer(media.localAddress(), sdpSessionId, sdpVersion, codec, telephoneEventPt, direction);
                request.setContent(sdp, sip.sdpContentType());
                final String user = ((SipURI)(inbound ? invite.getRequestURI() :
                    ((FromHeader)invite.getHeader(FromHeader.NAME)).getAddress().getURI())).getUser();
                request.setHeader(sip.contact(null != user ? user : sip.context.userAgent(), transport));
                final ClientTransaction ct = sip.provider.getNewClientTransaction(request);
                ct.setApplicationData(this);
                reinviteCt = ct;
                dialog.sendRequest(ct);
            }
            catch (final Exception ex)
            {
                LOGGER.debug("re-INVITE of {} failed: {}", callId, ex.toString());
            }
        }
    }

    private void onReinviteResponse(final ResponseEvent event)
    {
        final Response response = event.getResponse();
        final int status = response.getStatusCode();
        if (status < 200)
        {
            return;
        }
        if (status < 300)
        {
            try
            {
                final long seq = ((CSeqHeader)response.getHeader(CSeqHeader.NAME)).getSeqNumber();
                dialog.sendAck(dialog.createAck(seq));
            }
            catch (final Exception ex)
            {
                LOGGER.debug("ACK of re-INVITE 2xx failed: {}", ex.toString());
            }
            if (null != media)
            {
                media.direction(true, !holdRequested);
            }
        }
    }

    synchronized void onTimeout(final Transaction tx, final boolean serverTransaction)
    {
        final String method = tx.getRequest().getMethod();
        if (!serverTransaction && tx == inviteCt && !state.isTerminal() && state != CallState.ANSWERED)
        {
            if (cancelRequested)
            {
                finishCancelled(0, "INVITE timed out after CANCEL");
            }
            else
            {
                fail(FailureCause.CARRIER_ERROR, 0, "INVITE timed out");
            }
        }
        else if (Request.INVITE.equals(method) && state == CallState.ANSWERED)
        {
            sendBye();
            end(EndCause.SIGNALLING_ERROR);
        }
    }

    private void sendBye()
    {
        if (null == dialog)
        {
            return;
        }
        try
        {
            final Request bye = dialog.createRequest(Request.BYE);
            final ClientTransaction ct = sip.provider.getNewClientTransaction(bye);
            ct.setApplicationData(this);
            dialog.sendRequest(ct);
        }
        catch (final Exception ex)
        {
            LOGGER.debug("BYE of {} failed: {}", callId, ex.toString());
        }
    }

    synchronized void shutdown()
    {
        switch (state)
        {
            case ANSWERED:
                sendBye();
                end(EndCause.SHUTDOWN);
                break;

            case CALLING:
            case EARLY:
            case OFFERED:
                if (inbound)
                {
                    sendFinalError(Response.SERVICE_UNAVAILABLE);
                }
                else
                {
                    cancelRequested = true;
                    sendPendingCancel();
                }
                end(EndCause.SHUTDOWN);
                break;

            default:
                break;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // shared

    private boolean applyRemoteSdp(final Message message)
    {
        try
        {
            final Sdp.Description description = Sdp.parse(
                new String(message.getRawContent(), StandardCharsets.UTF_8));
            final Codec common = description.firstCommonCodec();
            if (null == common)
            {
                return false;
            }
            remoteDescription = description;
            codec = common;
            telephoneEventPt = description.telephoneEventPt;
            connectMedia();
            return true;
        }
        catch (final Exception ex)
        {
            LOGGER.debug("bad SDP on {}: {}", callId, ex.toString());
            return false;
        }
    }

    private void fail(final FailureCause cause, final int status, final String reason)
    {
        if (state.isTerminal())
        {
            return;
        }
        state = CallState.FAILED;
        cleanup();
        fire((l) -> l.onFailed(this, cause, status, reason));
    }

    private void end(final EndCause cause)
    {
        if (state.isTerminal())
        {
            return;
        }
        state = state == CallState.ANSWERED ? CallState.ENDED : CallState.FAILED;
        cleanup();
        fire((l) -> l.onEnded(this, cause));
    }

    private void cleanup()
    {
        cancelRingTimer();
        if (null != detection)
        {
            detection.stop();
        }
        final LegMedia m = media;
        if (null != m)
        {
            try
            {
                m.close();
            }
            catch (final RuntimeException ex)
            {
                LOGGER.debug("media close failed: {}", ex.toString());
            }
        }
        sip.legEnded(this);
    }

    private void cancelRingTimer()
    {
        final ScheduledFuture<?> timer = ringTimer;
        if (null != timer)
        {
            timer.cancel(false);
            ringTimer = null;
        }
    }

    private void fire(final Consumer<CallListener> event)
    {
        if (null != pendingEvents)
        {
            pendingEvents.add(event);
            return;
        }
        deliver(event);
    }

    private void deliver(final Consumer<CallListener> event)
    {
        try
        {
            event.accept(listener);
        }
        catch (final RuntimeException ex)
        {
            LOGGER.warn("call listener threw", ex);
        }
    }

    private void requireInbound()
    {
        if (!inbound)
        {
            throw new IllegalStateException("not an inbound leg");
        }
    }

    private LegMedia requireMedia()
    {
        final LegMedia m = media;
        if (null == m || state.isTerminal())
        {
            throw new IllegalStateException("leg has no media: " + this);
        }
        return m;
    }

    LegMedia media()
    {
        return media;
    }

    // on the media thread: only while answered, so never after the terminal event
    synchronized void onDetectionEvent(final LegDetection source, final Consumer<CallListener> event)
    {
        if (state == CallState.ANSWERED && detection == source)
        {
            fire(event);
        }
    }

    private final class LegMediaListener implements MediaListener
    {
        public void onDtmf(final long sessionId, final char digit, final int durationMs)
        {
            synchronized (CallLeg.this)
            {
                if (state == CallState.ANSWERED || state == CallState.EARLY)
                {
                    fire((l) -> l.onDtmf(CallLeg.this, digit, DtmfSource.RFC4733));
                }
            }
        }

        public void onPlaybackFinished(final long sessionId, final long playbackId, final boolean interrupted)
        {
            synchronized (CallLeg.this)
            {
                fire((l) -> l.onPlaybackFinished(CallLeg.this, playbackId, interrupted));
            }
        }

        public void onRtpTimeout(final long sessionId)
        {
            synchronized (CallLeg.this)
            {
                if (state == CallState.ANSWERED)
                {
                    sendBye();
                    end(EndCause.RTP_TIMEOUT);
                }
            }
        }
    }
}
