/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import io.dialer.audio.Codec;
import io.dialer.detection.DetectorConfig;
import io.dialer.media.MediaListener;
import org.agrona.concurrent.SystemNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.message.Message;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The media side of one leg: opens and connects its {@link LegMedia} from the SDP exchanged in either direction,
 * builds our SDP, runs answering-machine detection ({@link LegDetection}) once answered, and turns media events
 * (DTMF, playback finished, RTP timeout) into leg events. Every method but the media listener's runs under the leg's
 * lock; the listener's take it.
 */
final class LegMediaControl
{
    private static final Logger LOGGER = LoggerFactory.getLogger(LegMediaControl.class);

    private final CallLeg leg;
    private final long sdpSessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE >> 1);
    private final Listener listener = new Listener();

    private volatile LegMedia media;
    private volatile Codec codec;
    private long sdpVersion;
    private Sdp.Description remoteDescription;
    private InetSocketAddress connectedRemote;
    private int telephoneEventPt = -1;
    private String localDirection = Sdp.SENDRECV;
    private boolean receiving = true;
    private long receiveResumedNs;
    private DetectorConfig detectorConfig;
    private LegDetection detection;
    private InetSocketAddress offeredAway;

    LegMediaControl(final CallLeg leg)
    {
        this.leg = leg;
    }

    /**
     * The media, or null before it is opened; readable without the lock.
     */
    LegMedia media()
    {
        return media;
    }

    /**
     * The negotiated codec, or null; readable without the lock.
     */
    Codec codec()
    {
        return codec;
    }

    /**
     * Opens the media of an outbound leg, on the same media thread as another leg's when given.
     */
    void openForDial(final CallLeg affinity, final DetectorConfig detection) throws IOException
    {
        detectorConfig = detection;
        if (null == media)
        {
            openAhead(affinity);
        }
    }

    /**
     * Opens the media of an outbound leg before its dial (a prepared leg), on the same media thread as another
     * leg's when given; {@link #openForDial} then keeps it.
     */
    void openAhead(final CallLeg affinity) throws IOException
    {
        final LegMedia near = null == affinity ? null : affinity.media();
        media = null == near ? leg.sip.media.open(listener) : leg.sip.media.open(listener, near);
    }

    /**
     * Opens the media of an inbound leg (once) and takes the codec from the far end's offer, if it made one.
     */
    void openForAnswer() throws IOException
    {
        if (null != media)
        {
            return;
        }
        media = leg.sip.media.open(listener);
        if (null != remoteDescription)
        {
            codec = remoteDescription.firstCommonCodec();
            telephoneEventPt = remoteDescription.telephoneEventPt;
            localDirection = remoteDescription.answerDirection();
        }
    }

    /**
     * Takes the SDP offer of an inbound INVITE.
     *
     * @return false when it cannot be parsed or has no codec we speak.
     */
    boolean takeOffer(final byte[] raw)
    {
        try
        {
            remoteDescription = Sdp.parse(new String(raw, StandardCharsets.UTF_8));
        }
        catch (final Exception ex)
        {
            remoteDescription = null;
        }
        return null != remoteDescription && null != remoteDescription.firstCommonCodec();
    }

    boolean hasRemoteDescription()
    {
        return null != remoteDescription;
    }

    boolean connected()
    {
        return null != connectedRemote;
    }

    /**
     * Our offer for an outbound INVITE.
     */
    String offerSdp()
    {
        return Sdp.offer(media.localAddress(), sdpSessionId, sdpVersion, Sdp.SENDRECV);
    }

    /**
     * Our SDP for a response: an answer once the codec is known, an offer before.
     */
    String localSdp()
    {
        if (null == codec)
        {
            return Sdp.offer(media.localAddress(), sdpSessionId, sdpVersion, localDirection);
        }
        return Sdp.answer(media.localAddress(), sdpSessionId, sdpVersion, codec, telephoneEventPt, localDirection);
    }

    /**
     * Sends media to the far end's address from its SDP, once per address, in the direction the SDP says.
     */
    void connect()
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
        direction(remoteDescription.weSend(), remoteDescription.weReceive());
    }

    /**
     * Applies the SDP of a message (a 18x or 2xx answer, an ACK's late answer) and connects the media.
     *
     * @return false when it cannot be parsed or has no codec we speak.
     */
    boolean applyRemoteSdp(final Message message)
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
            connect();
            return true;
        }
        catch (final Exception ex)
        {
            LOGGER.debug("bad SDP on {}: {}", leg.callId(), ex.toString());
            return false;
        }
    }

    /**
     * Applies a far end's re-INVITE offer: hold, resume, a new address or codec.
     *
     * @return false when it cannot be parsed or has no codec we speak (488).
     */
    boolean applyReinviteOffer(final byte[] raw)
    {
        final Sdp.Description description;
        try
        {
            description = Sdp.parse(new String(raw, StandardCharsets.UTF_8));
        }
        catch (final Exception ex)
        {
            return false;
        }
        final Codec newCodec = description.codecs.contains(codec) ? codec : description.firstCommonCodec();
        if (null == newCodec)
        {
            return false;
        }
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
            connect();
        }
        else
        {
            direction(false, false);
        }
        return true;
    }

    /**
     * Whether the far end's last offer put us on hold.
     */
    boolean remoteHeld()
    {
        return null != remoteDescription && remoteDescription.held();
    }

    /**
     * Our answer to a re-INVITE: a new SDP version.
     */
    String reinviteAnswerSdp()
    {
        sdpVersion++;
        return localSdp();
    }

    /**
     * Our offer for a re-INVITE of ours: hold ({@code sendonly}) or resume ({@code sendrecv}), a new version.
     */
    String reinviteOfferSdp(final boolean hold)
    {
        sdpVersion++;
        return sessionSdp(hold ? Sdp.SENDONLY : Sdp.SENDRECV);
    }

    /**
     * The far end's latest SDP (its answer or offer), or null.
     */
    Sdp.Description remoteDescription()
    {
        return remoteDescription;
    }

    /**
     * Our re-INVITE offer for a media release: the other far end's media (its address and telephone-event payload
     * type) in our session's name, a new version, the codec this leg negotiated, {@code sendrecv}.
     *
     * @param other what the other far end answered us.
     */
    String releaseOfferSdp(final Sdp.Description other)
    {
        offeredAway = Sdp.resolve(other.remote);
        sdpVersion++;
        return Sdp.answer(offeredAway, sdpSessionId, sdpVersion, codec, other.telephoneEventPt, Sdp.SENDRECV);
    }

    /**
     * The media release is done: the far end sends its RTP to the address of our last release offer. Stops
     * detection, closes the media session (its port goes back) and keeps a {@link ReleasedMedia} in its place; no RTP
     * is expected any more, so the RTP timeout is off (the OPTIONS keepalive and session timer go on).
     */
    void release()
    {
        final LegMedia m = media;
        if (null == m || null == offeredAway || m instanceof ReleasedMedia)
        {
            return;
        }
        if (null != detection)
        {
            detection.stop();
            detection = null;
        }
        detectorConfig = null;
        receiving = false;
        media = new ReleasedMedia(offeredAway, m);
        try
        {
            m.close();
        }
        catch (final RuntimeException ex)
        {
            LOGGER.debug("media close failed: {}", ex.toString());
        }
    }

    /**
     * Whether the media was released ({@link #release()}).
     */
    boolean released()
    {
        return media instanceof ReleasedMedia;
    }

    /**
     * Our SDP for a session refresh: unchanged, so the same version (RFC 3264 section 8).
     */
    String refreshSdp(final boolean held)
    {
        return sessionSdp(held ? Sdp.SENDONLY : Sdp.SENDRECV);
    }

    private String sessionSdp(final String direction)
    {
        return null == codec ?
            Sdp.offer(media.localAddress(), sdpSessionId, sdpVersion, direction) :
            Sdp.answer(media.localAddress(), sdpSessionId, sdpVersion, codec, telephoneEventPt, direction);
    }

    /**
     * Sets the media direction, remembering whether RTP is expected (the RTP timeout counts only then).
     */
    void direction(final boolean send, final boolean receive)
    {
        final LegMedia m = media;
        if (null == m || m instanceof ReleasedMedia)
        {
            return; // released: no RTP reaches the dialer whatever the far end says
        }
        if (receive && !receiving)
        {
            receiveResumedNs = m.nowNs();
        }
        receiving = receive;
        m.direction(send, receive);
    }

    /**
     * Whether we expect RTP from the far end (not on hold either way).
     */
    boolean expectsRtp()
    {
        return receiving;
    }

    /**
     * When RTP was last expected again after a hold, on the media's clock (0 if never).
     */
    long receiveResumedNs()
    {
        return receiveResumedNs;
    }

    /**
     * Starts answering-machine detection when the dial request asked for it: the leg has just been answered.
     */
    void startDetection()
    {
        if (null != detectorConfig && null != media)
        {
            // position 0 is now; its events are queued under the leg's lock after onAnswered
            detection = LegDetection.start(leg, media, detectorConfig, SystemNanoClock.INSTANCE);
        }
    }

    /**
     * The leg is over: stops detection and closes the media.
     */
    void close()
    {
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
    }

    /**
     * A detection event, on the media thread: queued only while answered and still from the current detection, so
     * never before onAnswered nor after the terminal event.
     */
    void onDetectionEvent(final LegDetection source, final Consumer<CallListener> event)
    {
        synchronized (leg.lock)
        {
            if (leg.state() == CallState.ANSWERED && detection == source)
            {
                leg.fire(event);
            }
        }
        leg.deliver();
    }

    /**
     * Media events of the leg, on the media thread.
     */
    private final class Listener implements MediaListener
    {
        public void onDtmf(final long sessionId, final char digit, final int durationMs)
        {
            synchronized (leg.lock)
            {
                final CallState state = leg.state();
                if (state == CallState.ANSWERED || state == CallState.EARLY)
                {
                    leg.fire((l) -> l.onDtmf(leg, digit, DtmfSource.RFC4733));
                }
            }
            leg.deliver();
        }

        public void onPlaybackFinished(final long sessionId, final long playbackId, final boolean interrupted)
        {
            synchronized (leg.lock)
            {
                leg.fire((l) -> l.onPlaybackFinished(leg, playbackId, interrupted));
            }
            leg.deliver();
        }

        public void onRtpTimeout(final long sessionId)
        {
            leg.liveness.check();
        }
    }
}
