/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import gov.nist.javax.sip.header.HeaderExt;
import io.dialer.audio.Codec;
import io.dialer.media.AudioTap;
import io.dialer.media.Prompt;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.Transaction;
import javax.sip.header.CSeqHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.function.Consumer;

/**
 * One call leg: an outbound call we dialed or an inbound call offered to us, with its dialog and media.
 * <p>
 * Every method is thread-safe and returns at once (it sends a SIP message or queues a media command); outcomes
 * arrive on the leg's {@link CallListener}, never while the leg's lock is held: each change is decided under the
 * lock and its event delivered after the lock is released, in the order of the changes (see {@link LegOutbox}).
 * <p>
 * The work is split by responsibility into package-private parts that share this leg's state and lock:
 * {@link InviteClient} (our INVITE and its responses, ring and response timers, CANCEL, digest retry),
 * {@link InviteServer} (an INVITE offered to us: ring, answer, reject), {@link InDialog} (BYE, INFO, re-INVITE and
 * OPTIONS within the dialog), {@link LegMediaControl} (SDP, media and detection) and {@link LegLiveness} (RTP
 * timeout, OPTIONS keepalive, session timer).
 */
public final class CallLeg
{
    static final CallListener NO_LISTENER = new CallListener()
    {
    };

    final SipDispatcher sip;
    final Object lock = new Object();
    final LegOutbox outbox;
    final InviteClient client;
    final InviteServer server;
    final InDialog inDialog;
    final LegMediaControl mediaControl;
    final LegLiveness liveness;

    private final long id;
    private final boolean inbound;
    private final String callId;

    volatile CallState state;
    volatile String localUri;
    volatile String remoteUri;
    volatile Request invite;

    /** Guarded by {@link #lock}: the transport of the leg's INVITE (and so of its Contact). */
    Transport transport = Transport.UDP;
    /** Guarded by {@link #lock}: the dialog, once there is one. */
    Dialog dialog;
    /** The media release this leg is part of, while it runs. */
    volatile DirectMedia directMedia;

    CallLeg(
        final SipDispatcher sip, final long id, final boolean inbound, final String callId, final CallListener listener)
    {
        this.sip = sip;
        this.id = id;
        this.inbound = inbound;
        this.callId = callId;
        this.state = inbound ? CallState.OFFERED : CallState.CALLING;
        // an inbound leg's events wait for the listener its handler returns: the offering thread delivers them
        this.outbox = new LegOutbox(lock, inbound ? NO_LISTENER : listener, inbound);
        this.client = new InviteClient(this);
        this.server = new InviteServer(this);
        this.inDialog = new InDialog(this);
        this.mediaControl = new LegMediaControl(this);
        this.liveness = new LegLiveness(this);
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
        return mediaControl.codec();
    }

    /**
     * Answers an inbound call (200 OK with our SDP answer). No effect once the call is over.
     *
     * @throws IllegalStateException on an outbound leg.
     */
    public void answer()
    {
        requireInbound();
        synchronized (lock)
        {
            server.answer();
        }
        deliver();
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
    public boolean authenticate(final String realm, final String user, final String password)
    {
        requireInbound();
        final boolean authenticated;
        synchronized (lock)
        {
            authenticated = server.authenticate(realm, user, password);
        }
        deliver();
        return authenticated;
    }

    /**
     * Lets an inbound call ring: 180 Ringing.
     *
     * @throws IllegalStateException on an outbound leg.
     */
    public void ring()
    {
        requireInbound();
        synchronized (lock)
        {
            server.ring();
        }
        deliver();
    }

    /**
     * Early media on an inbound call: 183 Session Progress with our SDP; prompts can then be played before answer.
     *
     * @throws IllegalStateException on an outbound leg.
     */
    public void earlyMedia()
    {
        requireInbound();
        synchronized (lock)
        {
            server.earlyMedia();
        }
        deliver();
    }

    /**
     * Rejects an inbound call with a final status (486 busy, 480 unavailable, 603 decline, ...).
     *
     * @param status SIP status, 300 to 699.
     * @throws IllegalStateException on an outbound leg.
     */
    public void reject(final int status)
    {
        requireInbound();
        if (status < 300 || status > 699)
        {
            throw new IllegalArgumentException("not a final error status: " + status);
        }
        synchronized (lock)
        {
            server.reject(status);
        }
        deliver();
    }

    /**
     * Hangs up: BYE when answered, CANCEL while an outbound call rings, 480 while an inbound call is unanswered.
     * Reported as {@link EndCause#LOCAL}. No effect once the call is over.
     */
    public void hangup()
    {
        synchronized (lock)
        {
            switch (state)
            {
                case CALLING:
                case EARLY:
                case OFFERED:
                    if (inbound)
                    {
                        server.reject(Response.TEMPORARILY_UNAVAILABLE);
                    }
                    else
                    {
                        client.requestCancel(null);
                    }
                    break;

                case ANSWERED:
                    inDialog.sendBye();
                    end(EndCause.LOCAL);
                    break;

                default:
                    break;
            }
        }
        deliver();
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
        final LegMedia m = media();
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
    public void sendDtmfInfo(final char digit, final int durationMs)
    {
        synchronized (lock)
        {
            inDialog.sendDtmfInfo(digit, durationMs);
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
        final LegMedia m = media();
        if (null != m)
        {
            m.unbridge();
        }
    }

    /**
     * Media release after the bridge (third-party call control, RFC 3725): re-INVITEs this leg (the caller) with the
     * other leg's media and then the other leg (the closer) with this one's, so that the two far ends send RTP to
     * each other; once both accept, the dialer's media of both legs is closed (no RTP, detection or recording of the
     * pair any more) while both dialogs stay (a BYE of either is still reported). A refusal or no answer within
     * {@link MediaRelease#STEP_TIMEOUT_MS_DEFAULT} ms falls back to the dialer's bridge, re-INVITEing this leg back if
     * it had moved. Both legs must be answered and bridged; the outcome is reported once to the listener.
     *
     * @param other    the other leg (the closer).
     * @param listener told how it ended.
     */
    public void releaseMedia(final CallLeg other, final MediaReleaseListener listener)
    {
        releaseMedia(other, MediaRelease.STEP_TIMEOUT_MS_DEFAULT, listener);
    }

    /**
     * {@link #releaseMedia(CallLeg, MediaReleaseListener)} with the time each far end gets to answer its re-INVITE.
     *
     * @param other         the other leg (the closer).
     * @param stepTimeoutMs how long a far end may take to answer one re-INVITE before the release falls back.
     * @param listener      told how it ended.
     * @throws IllegalStateException when either leg is part of a release already.
     */
    public void releaseMedia(final CallLeg other, final long stepTimeoutMs, final MediaReleaseListener listener)
    {
        final DirectMedia release = new DirectMedia(this, other, listener, stepTimeoutMs);
        if (null != directMedia || null != other.directMedia)
        {
            throw new IllegalStateException("a media release of " + this + " or " + other + " is running");
        }
        directMedia = release;
        other.directMedia = release;
        release.start();
        if (state.isTerminal() || other.state.isTerminal())
        {
            release.onLegEnded(); // ended before the release knew it: its own cleanup found no release to tell
        }
    }

    /**
     * Whether the leg's media was released ({@link #releaseMedia}): its far end sends RTP to another far end, and
     * the dialer has no media session for it any more.
     *
     * @return true once released.
     */
    public boolean mediaReleased()
    {
        return mediaControl.released();
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
        final LegMedia m = media();
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
        synchronized (lock)
        {
            inDialog.reinvite(true);
        }
    }

    /**
     * Takes the far end off hold: re-INVITE with {@code a=sendrecv}.
     */
    public void resume()
    {
        synchronized (lock)
        {
            inDialog.reinvite(false);
        }
    }

    /**
     * Suspends or resumes the leg's RTP inactivity timeout ({@link EndCause#RTP_TIMEOUT}), e.g. while the dialer
     * keeps the caller on hold: a person listening to hold music on a phone with silence suppression sends no RTP
     * for minutes. Resumed, the timeout counts from that moment. The SIP keepalive still finds a dead dialog
     * meanwhile ({@link EndCause#DIALOG_LOST}). On by default; may be called at any time, no effect once over.
     *
     * @param enabled false to suspend the timeout, true to resume it.
     */
    public void mediaTimeout(final boolean enabled)
    {
        synchronized (lock)
        {
            liveness.mediaTimeout(enabled);
        }
        deliver();
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "CallLeg{id=" + id + ", " + (inbound ? "in" : "out") + ", " + state + ", " + remoteUri + "}";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // from the dispatcher, which hands requests to the parts directly; each part takes the lock and delivers the
    // events after releasing it

    void onResponse(final ResponseEvent event, final ClientTransaction ct)
    {
        final Response response = event.getResponse();
        final CSeqHeader cseq = (CSeqHeader)response.getHeader(CSeqHeader.NAME);
        final String method = cseq.getMethod();
        if (Request.INVITE.equals(method) && !inbound && !inDialog.isReinvite(ct) && isInitialInvite(cseq))
        {
            client.onResponse(event, ct);
        }
        else
        {
            inDialog.onResponse(event, ct, method);
        }
    }

    private boolean isInitialInvite(final CSeqHeader cseq)
    {
        final Request request = invite;
        return null == request ||
            ((CSeqHeader)request.getHeader(CSeqHeader.NAME)).getSeqNumber() == cseq.getSeqNumber();
    }

    /**
     * A transaction of this leg timed out (JAIN-SIP's timers B, F, H): our INVITE or CANCEL, a keepalive, a
     * re-INVITE.
     */
    void onTimeout(final Transaction tx, final boolean serverTransaction)
    {
        synchronized (lock)
        {
            if (!client.onTimeout(tx) && !liveness.onTransactionFailed(tx, "OPTIONS keepalive timed out"))
            {
                inDialog.onTimeout(tx, serverTransaction);
            }
        }
        deliver();
    }

    /**
     * JAIN-SIP could not send a retransmission of one of this leg's requests.
     */
    void onTransportError(final Transaction tx, final String description)
    {
        synchronized (lock)
        {
            if (!client.onTransportError(tx, description))
            {
                liveness.onTransactionFailed(tx, "OPTIONS keepalive: " + description);
            }
        }
        deliver();
    }

    void shutdown()
    {
        synchronized (lock)
        {
            switch (state)
            {
                case ANSWERED:
                    inDialog.sendBye();
                    end(EndCause.SHUTDOWN);
                    break;

                case CALLING:
                case EARLY:
                case OFFERED:
                    if (inbound)
                    {
                        server.sendFinalError(Response.SERVICE_UNAVAILABLE);
                    }
                    else
                    {
                        client.cancelForShutdown();
                    }
                    end(EndCause.SHUTDOWN);
                    break;

                default:
                    break;
            }
        }
        deliver();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // shared by the parts, under the lock

    /**
     * Queues an event unless the leg is over: nothing follows the terminal event.
     */
    void fire(final Consumer<CallListener> event)
    {
        if (!state.isTerminal())
        {
            outbox.add(event);
        }
    }

    /**
     * The outbound call failed before being answered: the terminal event {@link CallListener#onFailed}.
     */
    void fail(final FailureCause cause, final int status, final String reason)
    {
        if (state.isTerminal())
        {
            return;
        }
        state = CallState.FAILED;
        cleanup();
        outbox.add((l) -> l.onFailed(this, cause, status, reason));
    }

    /**
     * The call is over: the terminal event {@link CallListener#onEnded}.
     */
    void end(final EndCause cause)
    {
        if (state.isTerminal())
        {
            return;
        }
        state = state == CallState.ANSWERED ? CallState.ENDED : CallState.FAILED;
        cleanup();
        outbox.add((l) -> l.onEnded(this, cause));
    }

    private void cleanup()
    {
        final DirectMedia release = directMedia;
        if (null != release)
        {
            release.onLegEnded();
        }
        client.stopTimers();
        liveness.stop();
        mediaControl.close();
        sip.legEnded(this);
    }

    /**
     * Delivers the queued events; never under the lock.
     */
    void deliver()
    {
        outbox.deliver();
    }

    LegMedia media()
    {
        return mediaControl.media();
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
        final LegMedia m = media();
        if (null == m || state.isTerminal())
        {
            throw new IllegalStateException("leg has no media: " + this);
        }
        return m;
    }
}
