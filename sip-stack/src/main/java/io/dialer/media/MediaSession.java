/*
 * Dialer media.
 */
package io.dialer.media;

import io.dialer.audio.Codec;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The media of one call leg: one RTP socket. Every method is thread-safe and returns at once: it queues a command
 * to the media agent, which owns the session's state.
 */
public final class MediaSession
{
    private final MediaEngine engine;
    private final RtpSession session;

    MediaSession(final MediaEngine engine, final RtpSession session)
    {
        this.engine = engine;
        this.session = session;
    }

    /**
     * Unique id of the session within its engine.
     *
     * @return the id.
     */
    public long id()
    {
        return session.id;
    }

    /**
     * Local RTP address (for the SDP).
     *
     * @return address and port.
     */
    public InetSocketAddress localAddress()
    {
        return session.localAddress;
    }

    /**
     * Counters of packets and bytes sent and received, lost and malformed, updated by the media thread.
     *
     * @return the live counters.
     */
    public MediaCounters counters()
    {
        return session.counters;
    }

    /**
     * When RTP was last accepted from the far end, or the session was connected or started receiving again (so a
     * silence is measured from then), on the engine's {@link MediaEngine.Context#nanoClock()}. Readable from any
     * thread, e.g. to decide that a silent call needs a SIP keepalive.
     *
     * @return the time in nanoseconds of the engine's clock.
     */
    public long lastReceivedNs()
    {
        return session.lastReceiveNs();
    }

    /**
     * Starts (or, on a re-INVITE, changes) the RTP exchange with the far end. Our SSRC, sequence numbers and
     * timestamps continue across a re-INVITE.
     *
     * @param remote                    the far end's RTP address from its SDP (an unresolved address is resolved on
     *                                  the calling thread).
     * @param codec                     the negotiated codec.
     * @param telephoneEventPayloadType negotiated RFC 4733 payload type, or -1 when the far end offered none.
     */
    public void connect(final InetSocketAddress remote, final Codec codec, final int telephoneEventPayloadType)
    {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(codec, "codec");
        final InetSocketAddress resolved = remote.isUnresolved() ?
            new InetSocketAddress(remote.getHostString(), remote.getPort()) : remote;
        if (resolved.isUnresolved())
        {
            throw new IllegalArgumentException("cannot resolve remote address: " + remote);
        }
        if (telephoneEventPayloadType > 127 || (telephoneEventPayloadType >= 0 &&
            null != Codec.ofPayloadType(telephoneEventPayloadType)))
        {
            throw new IllegalArgumentException("bad telephone-event payload type: " + telephoneEventPayloadType);
        }
        final int eventPayloadType = Math.max(-1, telephoneEventPayloadType);
        session.agent.offer(() -> session.connect(resolved, codec, eventPayloadType));
    }

    /**
     * Media direction from SDP (hold is send off, or both off for inactive).
     *
     * @param send    whether we send RTP.
     * @param receive whether we expect RTP (the inactivity timeout is paused when false).
     */
    public void direction(final boolean send, final boolean receive)
    {
        session.agent.offer(() -> session.direction(send, receive));
    }

    /**
     * Plays a prompt, replacing any prompt playing. While bridged or mixed the prompt is not played and reported
     * finished, interrupted (to say something to both legs of a bridge, see {@link #bridge(MediaSession, Prompt,
     * long)}).
     *
     * @param prompt  the audio.
     * @param loop    play again from the start at its end (hold music) until stopped.
     * @param bargeIn stop it when a DTMF digit is received.
     * @return a playback id, reported by {@link MediaListener#onPlaybackFinished}.
     */
    public long play(final Prompt prompt, final boolean loop, final boolean bargeIn)
    {
        final long playbackId = engine.nextPlaybackId();
        play(prompt, loop, bargeIn, playbackId);
        return playbackId;
    }

    /**
     * Plays a prompt under an id chosen by the caller (e.g. an owner's own token, so that a finish report can be
     * matched to the play that caused it without a round trip), replacing any prompt playing.
     *
     * @param prompt     the audio.
     * @param loop       play again from the start at its end until stopped.
     * @param bargeIn    stop it when a DTMF digit is received.
     * @param playbackId the id reported by {@link MediaListener#onPlaybackFinished}.
     */
    public void play(final Prompt prompt, final boolean loop, final boolean bargeIn, final long playbackId)
    {
        Objects.requireNonNull(prompt, "prompt");
        session.agent.offer(() -> session.play(playbackId, prompt, loop, bargeIn));
    }

    /**
     * Stops the prompt playing, if any; silence follows.
     */
    public void stopPlayback()
    {
        session.agent.offer(session::stopPlayback);
    }

    /**
     * Sends a DTMF digit as RFC 4733 telephone-events (voice pauses meanwhile); digits queue up and go out in order.
     * Dropped when the far end negotiated no telephone-event.
     *
     * @param digit      one of {@code 0-9 * # A-D}.
     * @param durationMs key press duration, clamped to 40-5000 ms.
     */
    public void sendDtmf(final char digit, final int durationMs)
    {
        if (TelephoneEvent.eventOf(digit) < 0)
        {
            throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
        }
        session.agent.offer(() -> session.sendDtmf(digit, durationMs));
    }

    /**
     * Relays RTP both ways between this session's far end and the other's, rewriting SSRC, sequence numbers and
     * timestamps so each far end keeps seeing one continuous stream, and transcoding PCMU/PCMA when the legs differ.
     * Stops prompts on both.
     *
     * @param other the other leg's session, of the same engine and media thread.
     */
    public void bridge(final MediaSession other)
    {
        checkSameAgent(other);
        final RtpSession otherSession = other.session;
        session.agent.offer(() -> session.bridge(otherSession));
    }

    /**
     * Connects this leg's far end and the other's at once and plays a prompt that both hear over their
     * conversation (the three-way introduction of a warm transfer: the caller hears the closer from the first frame,
     * and "you are now connected with ..." is said to both while they can already talk). Until both far ends have
     * heard the whole prompt the two legs are mixed: each far end hears the other plus the prompt, on its own paced
     * stream. Then they become a plain {@link #bridge(MediaSession) bridge}. The end of the prompt is reported on
     * this session's listener with {@link MediaListener#onPlaybackFinished}: not interrupted once both heard it
     * all; interrupted by {@link #stopPlayback()} on this session (the bridge is made at once), or by
     * {@link #unbridge()} or {@link #close()} of either (no bridge). Prompts playing on either leg are stopped.
     *
     * @param other        the other leg's session, of the same engine and media thread.
     * @param introduction the prompt both hear.
     * @param playbackId   the id reported by {@link MediaListener#onPlaybackFinished}.
     */
    public void bridge(final MediaSession other, final Prompt introduction, final long playbackId)
    {
        Objects.requireNonNull(introduction, "introduction");
        checkSameAgent(other);
        final RtpSession otherSession = other.session;
        session.agent.offer(() -> session.introduce(otherSession, introduction, playbackId));
    }

    /**
     * {@link #bridge(MediaSession, Prompt, long)} under a playback id chosen by the engine.
     *
     * @param other        the other leg's session, of the same engine and media thread.
     * @param introduction the prompt both hear.
     * @return the playback id reported by {@link MediaListener#onPlaybackFinished}.
     */
    public long bridge(final MediaSession other, final Prompt introduction)
    {
        final long playbackId = engine.nextPlaybackId();
        bridge(other, introduction, playbackId);
        return playbackId;
    }

    /**
     * Mixes this session with others (a conference): each far end hears the sum of what the other far ends say, sent
     * as this leg's own paced stream. Ends any bridge or mix the sessions were in and stops their prompts;
     * {@link #unbridge()} takes a session out of the mix (the mix ends when fewer than two remain). For the
     * three-way introduction of a warm transfer see {@link #bridge(MediaSession, Prompt, long)}.
     *
     * @param others one to seven other sessions of the same engine and media thread.
     */
    public void mix(final MediaSession... others)
    {
        if (others.length < 1 || others.length >= MixGroup.MAX_MEMBERS)
        {
            throw new IllegalArgumentException("a mix has 2 to " + MixGroup.MAX_MEMBERS + " sessions");
        }
        final RtpSession[] members = new RtpSession[others.length + 1];
        members[0] = session;
        for (int i = 0; i < others.length; i++)
        {
            checkSameAgent(others[i]);
            members[i + 1] = others[i].session;
            for (int j = 0; j <= i; j++)
            {
                if (members[j] == members[i + 1])
                {
                    throw new IllegalArgumentException("session listed twice: " + others[i].id());
                }
            }
        }
        session.agent.offer(() -> session.mix(members));
    }

    /**
     * Ends a bridge or mix this session is part of; the far ends hear silence until told otherwise.
     */
    public void unbridge()
    {
        session.agent.offer(session::unbridge);
    }

    /**
     * Subscribes to the decoded received audio.
     *
     * @param tap the subscriber.
     */
    public void addTap(final AudioTap tap)
    {
        Objects.requireNonNull(tap, "tap");
        session.agent.offer(() -> session.addTap(tap));
    }

    /**
     * Makes the taps advance on this session's 20 ms clock from now on, whether the far end sends audio or not: the
     * taps see one continuous timeline of frames from this call, frame {@code k} covering {@code 20k} to
     * {@code 20k + 20} ms, so that a frame count is elapsed time (an answering-machine detector hears the silence
     * after "Hello?" from a phone that suppresses silence). A voice packet is delivered when it arrives; a frame
     * period whose audio is more than three frames late (the far end suppresses silence or the packet was lost) is
     * delivered as a frame of silence (zero samples), and so is each comfort-noise packet (RFC 3389, payload type
     * 13). A voice packet that then comes, with audio from before what the taps were given, is dropped for the taps
     * (still relayed and mixed; counted in {@link MediaCounters#packetsLateForTaps()}); one that continues after
     * a gap first gets the silence the gap left. Synthesized frames carry the RTP timestamp the far end's stream
     * would have had. Nothing is allocated per frame. Has no effect once started.
     */
    public void startTapClock()
    {
        final long startNs = session.agent.clock.nanoTime();
        session.agent.offer(() -> session.startTapClock(startNs));
    }

    /**
     * Silence suppression on the send side, as phones with voice activity detection do (DTX): while no prompt, DTMF,
     * mix or bridge gives this session audio to send, it sends no packets at all instead of comfort silence. Our
     * timestamps keep advancing, and the next talkspurt starts with the marker bit. For simulated phones and tests;
     * a dialer leg keeps sending (some carriers drop calls that go quiet), continuous silence or, with
     * {@link MediaEngine.Context#idleKeepaliveMs(int)}, one frame of silence per keepalive interval.
     *
     * @param suppress true to send nothing while there is nothing to say.
     */
    public void silenceSuppression(final boolean suppress)
    {
        session.agent.offer(() -> session.silenceSuppression(suppress));
    }

    /**
     * Unsubscribes from the received audio.
     *
     * @param tap the subscriber.
     */
    public void removeTap(final AudioTap tap)
    {
        session.agent.offer(() -> session.removeTap(tap));
    }

    /**
     * Stops media and releases the port; a prompt playing is reported finished, interrupted.
     */
    public void close()
    {
        session.agent.offer(() -> session.close(true));
    }

    MediaEngine engine()
    {
        return engine;
    }

    MediaAgent agent()
    {
        return session.agent;
    }

    private void checkSameAgent(final MediaSession other)
    {
        if (other.engine != engine)
        {
            throw new IllegalArgumentException("cannot join sessions of different media engines");
        }
        if (other.session.agent != session.agent)
        {
            throw new IllegalArgumentException("sessions " + id() + " and " + other.id() +
                " run on different media threads: open the second with MediaEngine.open(listener, first)");
        }
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return "MediaSession{id=" + session.id + ", local=" + session.localAddress + ", " + session.counters + "}";
    }

    /**
     * For tests: the tap clock's current late window (read after an event of the media thread was observed).
     *
     * @return nanoseconds.
     */
    long tapLateNs()
    {
        return session.tapLateNs();
    }
}
