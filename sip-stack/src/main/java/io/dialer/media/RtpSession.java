/*
 * Dialer media.
 */
package io.dialer.media;

import io.dialer.audio.Codec;
import io.dialer.audio.G711;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.Arrays;

import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * State of one call leg's media, owned by the {@link MediaAgent} thread: every method but the constructor runs on
 * that thread. Sends a 20 ms G.711 frame per timer tick (prompt, silence or an RFC 4733 event), receives RTP,
 * decodes it once for the taps and the mix, detects DTMF, and relays to a bridged peer with this leg's SSRC,
 * sequence and timestamps.
 * <p>
 * Tap clock ({@link #startTapClock(long)}): from its start the taps see one continuous timeline of 20 ms frames,
 * frame {@code k} covering {@code [start + 20k, start + 20k + 20)} ms. A received voice packet is delivered at once;
 * a frame period whose audio has not arrived {@value #TAP_LATE_FRAMES} frames after it was due (silence suppression,
 * DTX, a lost packet) is delivered as a frame of silence on this session's frame timer, and so is each comfort-noise
 * packet (RFC 3389, payload type 13). The far end's RTP timestamps place packets on the timeline: a packet
 * continuing the last one keeps the schedule (so jitter up to the window inserts nothing); a packet after a gap
 * (new talkspurt, lost packets) first gets the silence the gap left, as much as the time elapsed allows, and
 * re-phases the schedule to its arrival; a packet whose audio starts before what the taps were already given (it
 * came more than the window late and silence took its place, or it was reordered) is dropped for the taps, so
 * positions never run ahead of or behind elapsed time by more than the window. Such a late packet also widens the
 * window by its lateness (up to 500 ms): a sender or network that is late once is likely late again, and silence put
 * in place of late audio would read as pauses in a greeting.
 */
final class RtpSession extends FrameGrid.Entry
{
    static final int SAMPLES_PER_FRAME = 160;
    static final long FRAME_NS = 20_000_000L;
    static final int MAX_LATE_FRAMES = 5;
    static final int DTMF_END_PACKETS = 3;
    static final int DTMF_GAP_FRAMES = 3;
    static final int DTMF_MIN_DURATION_MS = 40;
    static final int DTMF_MAX_DURATION_MS = 5000;
    static final int DTMF_QUEUE_CAPACITY = 64;
    static final int RECEIVE_BATCH = 64;
    static final AudioTap[] NO_TAPS = new AudioTap[0];
    static final int MIX_RING_SAMPLES = 2048;
    static final int COMFORT_NOISE_PAYLOAD_TYPE = 13;
    static final int TAP_LATE_FRAMES = 3;
    static final long TAP_LATE_NS = TAP_LATE_FRAMES * FRAME_NS;
    static final long TAP_LATE_MAX_NS = 25 * FRAME_NS;
    static final long NANOS_PER_SAMPLE = FRAME_NS / SAMPLES_PER_FRAME;
    static final int TAP_MAX_BACKWARD_SAMPLES = 50 * SAMPLES_PER_FRAME;

    final long id;
    final RtpPort port;
    final DatagramChannel channel;
    final InetSocketAddress localAddress;
    final MediaCounters counters = new MediaCounters();
    final MediaListener listener;
    final MediaAgent agent;
    final RtpSourceLatch sourceLatch;

    SelectionKey key;
    boolean closed;

    private InetSocketAddress remote;
    private Codec codec = Codec.PCMU;
    private int telephoneEventPayloadType = -1;
    private boolean connected;
    private boolean sending = true;
    private boolean receiving = true;
    private boolean sendSilence = true;
    private int quietFrames = Integer.MAX_VALUE;

    private final long ssrc;
    private int sequence;
    private long timestamp;
    private boolean markerPending = true;

    private Prompt prompt;
    private long playbackId;
    private boolean loop;
    private boolean bargeIn;
    private int position;

    private final char[] dtmfDigits = new char[DTMF_QUEUE_CAPACITY];
    private final int[] dtmfDurationsMs = new int[DTMF_QUEUE_CAPACITY];
    private int dtmfHead;
    private int dtmfTail;
    private boolean dtmfActive;
    private boolean dtmfFirst;
    private int dtmfEvent;
    private long dtmfTimestamp;
    private int dtmfTargetUnits;
    private int dtmfElapsedUnits;
    private int dtmfEndsSent;
    private int dtmfGapFrames;

    private boolean farKnown;
    private long farSsrc;
    private int farExpectedSequence;
    private volatile long lastReceiveNs;
    private boolean timeoutReported;

    private final DtmfDetector dtmfDetector = new DtmfDetector(new DtmfDetector.Listener()
    {
        public void onEventStart(final int event)
        {
            if (bargeIn && null != prompt && 0 != TelephoneEvent.digitOf(event))
            {
                finishPlayback(true);
            }
        }

        public void onEventEnd(final int event, final int durationUnits)
        {
            reportDtmf(event, durationUnits);
        }
    });

    private final short[] pcm = new short[SAMPLES_PER_FRAME];
    private AudioTap[] taps = NO_TAPS;

    private boolean tapClock;
    private long tapDueNs;
    private long tapLateNs = TAP_LATE_NS;
    private boolean tapStreamKnown;
    private long tapSsrc;
    private long tapNextTimestamp;

    private MixGroup mixGroup;
    private int mixSlot;
    private final short[] mixRing = new short[MIX_RING_SAMPLES];
    private long mixWritten;
    private final long[] mixCursors = new long[MixGroup.MAX_MEMBERS];
    private int mixPromptPosition;
    private boolean mixPromptDone;

    private RtpSession peer;
    private boolean relayed;
    private long relayedEndTimestamp;
    private boolean relayOffsetKnown;
    private long relaySourceSsrc;
    private long relayTimestampOffset;

    RtpSession(
        final MediaAgent agent,
        final long id,
        final RtpPort port,
        final MediaListener listener,
        final long ssrc,
        final int initialSequence,
        final long initialTimestamp)
    {
        this.agent = agent;
        this.id = id;
        this.port = port;
        this.channel = port.channel;
        this.localAddress = port.localAddress;
        this.listener = listener;
        this.ssrc = ssrc & 0xFFFF_FFFFL;
        this.sequence = initialSequence & 0xFFFF;
        this.timestamp = initialTimestamp & 0xFFFF_FFFFL;
        this.sourceLatch = new RtpSourceLatch(agent.latching);
    }

    /**
     * The command that hands a new session to the agent.
     */
    static final class Registration implements Runnable
    {
        private final RtpSession session;

        Registration(final RtpSession session)
        {
            this.session = session;
        }

        RtpSession session()
        {
            return session;
        }

        public void run()
        {
            try
            {
                session.agent.register(session);
            }
            catch (final IOException ex)
            {
                session.closed = true;
                CloseHelper.quietClose(session.channel);
            }
        }
    }

    /**
     * When RTP was last accepted from the far end (or the session connected, or started receiving again), on the
     * agent's clock; written by the media thread, readable from any thread.
     */
    long lastReceiveNs()
    {
        return lastReceiveNs;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Commands
    // ---------------------------------------------------------------------------------------------------------------

    void connect(final InetSocketAddress remote, final Codec codec, final int telephoneEventPayloadType)
    {
        if (closed)
        {
            return;
        }
        this.remote = remote;
        this.codec = codec;
        this.telephoneEventPayloadType = telephoneEventPayloadType;
        sourceLatch.reset(remote);
        farKnown = false;
        lastReceiveNs = agent.nowNs;
        timeoutReported = false;
        if (!connected)
        {
            connected = true;
            markerPending = true;
            quietFrames = Integer.MAX_VALUE;
            nextDeadlineNs = agent.clock.nanoTime();
            agent.scheduleTimer(this);
        }
    }

    void direction(final boolean send, final boolean receive)
    {
        if (send && !sending)
        {
            markerPending = true;
        }
        if (receive && !receiving)
        {
            lastReceiveNs = agent.nowNs;
            timeoutReported = false;
        }
        sending = send;
        receiving = receive;
    }

    void play(final long playbackId, final Prompt prompt, final boolean loop, final boolean bargeIn)
    {
        if (closed || null != peer || null != mixGroup)
        {
            notifyPlaybackFinished(playbackId, true);
            return;
        }
        stopPlayback();
        this.prompt = prompt;
        this.playbackId = playbackId;
        this.loop = loop;
        this.bargeIn = bargeIn;
        this.position = 0;
        markerPending = true;
    }

    void stopPlayback()
    {
        if (null != prompt)
        {
            finishPlayback(true);
        }
        else if (null != mixGroup && mixGroup.promptOwner() == this)
        {
            mixGroup.finishPrompt(true, true);
        }
    }

    void silenceSuppression(final boolean suppress)
    {
        sendSilence = !suppress;
    }

    void startTapClock(final long startNs)
    {
        if (closed || tapClock)
        {
            return;
        }
        tapClock = true;
        tapLateNs = TAP_LATE_NS;
        tapDueNs = startNs + FRAME_NS;
        tapStreamKnown = false;
        tapNextTimestamp = 0;
    }

    void sendDtmf(final char digit, final int durationMs)
    {
        if (closed || dtmfTail - dtmfHead >= DTMF_QUEUE_CAPACITY)
        {
            return;
        }
        final int index = dtmfTail & (DTMF_QUEUE_CAPACITY - 1);
        dtmfDigits[index] = digit;
        dtmfDurationsMs[index] = Math.max(DTMF_MIN_DURATION_MS, Math.min(DTMF_MAX_DURATION_MS, durationMs));
        dtmfTail++;
    }

    void bridge(final RtpSession other)
    {
        if (closed || other.closed || other == this || other == peer)
        {
            return;
        }
        unbridge();
        other.unbridge();
        stopPlayback();
        other.stopPlayback();
        peer = other;
        other.peer = this;
        relayed = false;
        other.relayed = false;
        relayOffsetKnown = false;
        other.relayOffsetKnown = false;
    }

    /**
     * Connects this leg's far end and the other's at once and plays a prompt that both hear over their conversation:
     * a mix of the two with the prompt added, then, when both have heard the whole prompt, a plain bridge.
     */
    void introduce(final RtpSession other, final Prompt introduction, final long introductionId)
    {
        if (closed || other.closed || other == this)
        {
            notifyPlaybackFinished(introductionId, true);
            return;
        }
        unbridge();
        other.unbridge();
        stopPlayback();
        other.stopPlayback();
        new MixGroup(new RtpSession[]{ this, other }).playOver(this, introduction, introductionId);
    }

    void mix(final RtpSession[] sessions)
    {
        for (final RtpSession session : sessions)
        {
            if (session.closed)
            {
                return;
            }
        }
        for (final RtpSession session : sessions)
        {
            session.unbridge();
            session.stopPlayback();
        }
        new MixGroup(sessions);
    }

    MixGroup mixGroup()
    {
        return mixGroup;
    }

    void joinMix(final MixGroup group, final int slot)
    {
        mixGroup = group;
        mixSlot = slot;
        mixPromptPosition = 0;
        mixPromptDone = false;
        final RtpSession[] members = group.members;
        for (int i = 0; i < members.length; i++)
        {
            mixCursors[i] = members[i].mixWritten;
        }
    }

    void leaveMix()
    {
        mixGroup = null;
        markerPending = true;
    }

    void unbridge()
    {
        if (null != mixGroup)
        {
            mixGroup.leave(this);
        }
        final RtpSession other = peer;
        if (null != other)
        {
            peer = null;
            other.peer = null;
            resumeOwnStream();
            other.resumeOwnStream();
        }
    }

    /**
     * Back to our own paced stream after relaying: never behind the timestamps the relay sent (the other far end's
     * clock may have run ahead of ours), and a marker for the new talkspurt.
     */
    private void resumeOwnStream()
    {
        if (relayed && (int)(relayedEndTimestamp - timestamp) > 0)
        {
            timestamp = relayedEndTimestamp;
        }
        relayed = false;
        relayOffsetKnown = false;
        markerPending = true;
    }

    void addTap(final AudioTap tap)
    {
        final AudioTap[] newTaps = Arrays.copyOf(taps, taps.length + 1);
        newTaps[taps.length] = tap;
        taps = newTaps;
    }

    void removeTap(final AudioTap tap)
    {
        for (int i = 0; i < taps.length; i++)
        {
            if (taps[i] == tap)
            {
                final AudioTap[] newTaps = new AudioTap[taps.length - 1];
                System.arraycopy(taps, 0, newTaps, 0, i);
                System.arraycopy(taps, i + 1, newTaps, i, taps.length - i - 1);
                taps = 0 == newTaps.length ? NO_TAPS : newTaps;
                return;
            }
        }
    }

    void close(final boolean notify)
    {
        if (closed)
        {
            return;
        }
        unbridge();
        if (notify)
        {
            stopPlayback();
        }
        closed = true;
        connected = false;
        prompt = null;
        agent.deregister(this);
        agent.releasePort(this);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Send side
    // ---------------------------------------------------------------------------------------------------------------

    void onFrameTimer(final long nowNs)
    {
        final long lateNs = nowNs - nextDeadlineNs;
        if (lateNs >= MAX_LATE_FRAMES * FRAME_NS)
        {
            final long skipped = lateNs / FRAME_NS;
            agent.onFramesSkipped(skipped);
            nextDeadlineNs += skipped * FRAME_NS;
            timestamp = (timestamp + skipped * SAMPLES_PER_FRAME) & 0xFFFF_FFFFL;
            markerPending = true;
        }
        nextDeadlineNs += FRAME_NS;

        checkTimeouts(nowNs);
        if (!connected)
        {
            return;
        }
        if (tapClock)
        {
            clockTaps(nowNs);
        }

        if (!sending)
        {
            markerPending = true;
        }
        else if (!sendDtmfFrame() && null == peer)
        {
            if (null == mixGroup)
            {
                sendVoiceFrame();
            }
            else
            {
                sendMixFrame();
            }
        }
        timestamp = (timestamp + SAMPLES_PER_FRAME) & 0xFFFF_FFFFL;
        if (quietFrames < Integer.MAX_VALUE)
        {
            quietFrames++;
        }
        if (null != mixGroup)
        {
            advanceMixPrompt();
        }
    }

    /**
     * This member's place in the prompt played over a mix moves on with its own frames (whether it sent one or not:
     * on hold or during a DTMF frame the prompt's time passes too); when every member has had the whole prompt,
     * the group ends it.
     */
    private void advanceMixPrompt()
    {
        final MixGroup group = mixGroup;
        final Prompt mixPrompt = group.prompt();
        if (null == mixPrompt || mixPromptDone)
        {
            return;
        }
        mixPromptPosition += SAMPLES_PER_FRAME;
        if (mixPromptPosition >= mixPrompt.sampleArray().length)
        {
            mixPromptDone = true;
            group.onPromptHeard();
        }
    }

    boolean mixPromptDone()
    {
        return mixPromptDone;
    }

    private void checkTimeouts(final long nowNs)
    {
        dtmfDetector.checkTimeout(nowNs);
        if (connected && receiving && !timeoutReported && agent.rtpTimeoutNs > 0 &&
            nowNs - lastReceiveNs > agent.rtpTimeoutNs)
        {
            timeoutReported = true;
            try
            {
                listener.onRtpTimeout(id);
            }
            catch (final Throwable ex)
            {
                agent.errorHandler.onError(ex);
            }
        }
    }

    private void sendVoiceFrame()
    {
        if (null == prompt && (!sendSilence || quietFrames < agent.idleKeepaliveFrames))
        {
            // nothing to say: no packet (DTX), or one frame of silence per keepalive interval; the timestamps go on
            // and the next packet starts a talkspurt
            markerPending = true;
            return;
        }
        final UnsafeBuffer tx = agent.txBuffer;
        final byte[] payload = agent.scratch;
        int written = 0;
        if (null != prompt)
        {
            final short[] samples = prompt.sampleArray();
            while (written < SAMPLES_PER_FRAME)
            {
                if (position >= samples.length)
                {
                    if (!loop || 0 == samples.length)
                    {
                        break;
                    }
                    position = 0;
                }
                final int count = Math.min(SAMPLES_PER_FRAME - written, samples.length - position);
                G711.encode(codec, samples, position, count, payload, written);
                written += count;
                position += count;
            }
        }
        if (written < SAMPLES_PER_FRAME)
        {
            Arrays.fill(payload, written, SAMPLES_PER_FRAME, G711.silence(codec));
        }

        final int headerLength = RtpPacket.writeHeader(
            tx, 0, markerPending, codec.payloadType(), nextSequence(), timestamp, ssrc);
        markerPending = false;
        tx.putBytes(headerLength, payload, 0, SAMPLES_PER_FRAME);
        send(headerLength + SAMPLES_PER_FRAME);

        if (null != prompt && !loop && position >= prompt.sampleArray().length)
        {
            finishPlayback(false);
        }
    }

    private void sendMixFrame()
    {
        final int[] sum = agent.mixSum;
        Arrays.fill(sum, 0);
        final RtpSession[] members = mixGroup.members;
        for (int m = 0; m < members.length; m++)
        {
            final RtpSession source = members[m];
            if (m == mixSlot || source.mixGroup != mixGroup)
            {
                continue;
            }
            long cursor = mixCursors[m];
            long available = source.mixWritten - cursor;
            if (available > MIX_RING_SAMPLES / 2 || available < 0)
            {
                cursor = source.mixWritten - SAMPLES_PER_FRAME;
                available = SAMPLES_PER_FRAME;
            }
            final int count = (int)Math.min(SAMPLES_PER_FRAME, available);
            final short[] ring = source.mixRing;
            for (int i = 0; i < count; i++)
            {
                sum[i] += ring[(int)(cursor + i) & (MIX_RING_SAMPLES - 1)];
            }
            mixCursors[m] = cursor + count;
        }
        final Prompt mixPrompt = mixGroup.prompt();
        if (null != mixPrompt && !mixPromptDone)
        {
            final short[] samples = mixPrompt.sampleArray();
            final int count = Math.min(SAMPLES_PER_FRAME, samples.length - mixPromptPosition);
            for (int i = 0; i < count; i++)
            {
                sum[i] += samples[mixPromptPosition + i];
            }
        }

        final byte[] payload = agent.scratch;
        final short[] frame = pcm;
        for (int i = 0; i < SAMPLES_PER_FRAME; i++)
        {
            frame[i] = (short)Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum[i]));
        }
        G711.encode(codec, frame, 0, SAMPLES_PER_FRAME, payload, 0);
        final UnsafeBuffer tx = agent.txBuffer;
        final int headerLength = RtpPacket.writeHeader(
            tx, 0, markerPending, codec.payloadType(), nextSequence(), timestamp, ssrc);
        markerPending = false;
        tx.putBytes(headerLength, payload, 0, SAMPLES_PER_FRAME);
        send(headerLength + SAMPLES_PER_FRAME);
    }

    private boolean sendDtmfFrame()
    {
        if (!dtmfActive)
        {
            if (dtmfGapFrames > 0)
            {
                dtmfGapFrames--;
                return false;
            }
            if (dtmfHead == dtmfTail)
            {
                return false;
            }
            final int index = dtmfHead & (DTMF_QUEUE_CAPACITY - 1);
            dtmfHead++;
            if (telephoneEventPayloadType < 0)
            {
                return false;
            }
            dtmfActive = true;
            dtmfFirst = true;
            dtmfEvent = TelephoneEvent.eventOf(dtmfDigits[index]);
            dtmfTargetUnits = dtmfDurationsMs[index] * (Prompt.SAMPLE_RATE / 1000);
            dtmfElapsedUnits = 0;
            dtmfEndsSent = 0;
            dtmfTimestamp = timestamp;
        }

        dtmfElapsedUnits += SAMPLES_PER_FRAME;
        final boolean end = dtmfElapsedUnits >= dtmfTargetUnits;
        final int duration = end ? dtmfTargetUnits : dtmfElapsedUnits;
        final UnsafeBuffer tx = agent.txBuffer;
        final int headerLength = RtpPacket.writeHeader(
            tx, 0, dtmfFirst, telephoneEventPayloadType, nextSequence(), dtmfTimestamp, ssrc);
        dtmfFirst = false;
        final int payloadLength = TelephoneEvent.write(tx, headerLength, dtmfEvent, end, duration);
        send(headerLength + payloadLength);
        if (end && ++dtmfEndsSent >= DTMF_END_PACKETS)
        {
            dtmfActive = false;
            dtmfGapFrames = DTMF_GAP_FRAMES;
            markerPending = true;
        }
        return true;
    }

    private int nextSequence()
    {
        final int current = sequence;
        sequence = (sequence + 1) & 0xFFFF;
        return current;
    }

    private void send(final int length)
    {
        final ByteBuffer buffer = agent.txByteBuffer;
        buffer.clear().limit(length);
        try
        {
            if (0 == channel.send(buffer, remote))
            {
                counters.onSendError();
            }
            else
            {
                counters.onSent(length);
                quietFrames = 0;
            }
        }
        catch (final IOException ex)
        {
            counters.onSendError();
        }
    }

    private void finishPlayback(final boolean interrupted)
    {
        final long finishedId = playbackId;
        prompt = null;
        position = 0;
        notifyPlaybackFinished(finishedId, interrupted);
    }

    void notifyPlaybackFinished(final long finishedId, final boolean interrupted)
    {
        try
        {
            listener.onPlaybackFinished(id, finishedId, interrupted);
        }
        catch (final Throwable ex)
        {
            agent.errorHandler.onError(ex);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Receive side
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Reads up to {@code batch} datagrams. On time the agent reads one: the selector reports the socket again in the
     * next round if more are queued (level triggered), which costs less than a read that finds nothing after each
     * packet. After a stall it reads the whole backlog before the frame timers run, so the tap clock does not take
     * queued audio for missing audio.
     *
     * @param batch datagrams at most.
     */
    void onReadable(final int batch)
    {
        final ByteBuffer buffer = agent.rxByteBuffer;
        for (int i = 0; i < batch && !closed; i++)
        {
            buffer.clear();
            final SocketAddress from;
            try
            {
                from = channel.receive(buffer);
            }
            catch (final IOException ex)
            {
                counters.onMalformed();
                return;
            }
            if (null == from)
            {
                return;
            }
            onDatagram(buffer.position(), (InetSocketAddress)from);
        }
    }

    private void onDatagram(final int length, final InetSocketAddress from)
    {
        counters.onReceived(length);
        final RtpPacket rtp = agent.rtp.wrap(agent.rxBuffer, 0, length);
        if (RtpPacket.VALID != rtp.validate())
        {
            counters.onMalformed();
            return;
        }
        if (!connected || !receiving)
        {
            counters.onIgnored();
            return;
        }
        final int verdict = sourceLatch.admit(from, rtp.ssrc());
        if (RtpSourceLatch.ACCEPT != verdict)
        {
            // not the far end's: another host or port (key injection, a stray stream) or a new SSRC without a new
            // SDP exchange; it neither plays, relays, counts as DTMF nor keeps the call alive
            if (RtpSourceLatch.FOREIGN_SOURCE == verdict)
            {
                counters.onForeignSource();
            }
            else
            {
                counters.onSsrcChanged();
            }
            agent.onForeignPacket();
            return;
        }

        final long nowNs = agent.nowNs;
        lastReceiveNs = nowNs;
        timeoutReported = false;

        final int payloadType = rtp.payloadType();
        final Codec voiceCodec = Codec.ofPayloadType(payloadType);
        if (null != voiceCodec)
        {
            trackSource(rtp);
            onVoice(rtp, voiceCodec);
        }
        else if (COMFORT_NOISE_PAYLOAD_TYPE == payloadType)
        {
            trackSource(rtp);
            onComfortNoise(rtp, nowNs);
        }
        else if (payloadType == telephoneEventPayloadType)
        {
            if (rtp.payloadLength() < TelephoneEvent.PAYLOAD_LENGTH)
            {
                counters.onMalformed();
                return;
            }
            if (!sourceLatch.confirmed())
            {
                // a symmetric latch not yet confirmed may be an attacker's: no key from it
                counters.onUnconfirmedKey();
                return;
            }
            trackSource(rtp);
            onTelephoneEvent(rtp, nowNs);
            final RtpSession other = peer;
            if (null != other && other.telephoneEventPayloadType >= 0)
            {
                other.relay(rtp, other.telephoneEventPayloadType, null, true);
            }
        }
        else
        {
            counters.onIgnored();
        }
    }

    private void trackSource(final RtpPacket rtp)
    {
        final long sourceSsrc = rtp.ssrc();
        final int sequenceNumber = rtp.sequenceNumber();
        if (!farKnown || sourceSsrc != farSsrc)
        {
            dtmfDetector.reset();
            farKnown = true;
            farSsrc = sourceSsrc;
            farExpectedSequence = (sequenceNumber + 1) & 0xFFFF;
            return;
        }
        final int gap = (sequenceNumber - farExpectedSequence) & 0xFFFF;
        if (0 == gap)
        {
            farExpectedSequence = (sequenceNumber + 1) & 0xFFFF;
        }
        else if (gap < 3000)
        {
            counters.onLost(gap);
            farExpectedSequence = (sequenceNumber + 1) & 0xFFFF;
        }
        else if (gap < 0x8000)
        {
            farExpectedSequence = (sequenceNumber + 1) & 0xFFFF;
        }
    }

    private void onVoice(final RtpPacket rtp, final Codec voiceCodec)
    {
        final boolean admitted = !tapClock || admitToTaps(rtp.ssrc(), rtp.timestamp(), agent.nowNs);
        final AudioTap[] taps = admitted ? this.taps : NO_TAPS;
        final boolean mixing = null != mixGroup;
        if (taps.length > 0 || mixing)
        {
            final UnsafeBuffer rx = agent.rxBuffer;
            final short[] table = G711.decodeTable(voiceCodec);
            final int offset = rtp.payloadOffset();
            final int length = rtp.payloadLength();
            final long rtpTimestamp = rtp.timestamp();
            for (int done = 0; done < length; done += SAMPLES_PER_FRAME)
            {
                final int count = Math.min(SAMPLES_PER_FRAME, length - done);
                for (int i = 0; i < count; i++)
                {
                    pcm[i] = table[rx.getByte(offset + done + i) & 0xFF];
                }
                if (mixing)
                {
                    for (int i = 0; i < count; i++)
                    {
                        mixRing[(int)(mixWritten + i) & (MIX_RING_SAMPLES - 1)] = pcm[i];
                    }
                    mixWritten += count;
                }
                deliverToTaps(taps, count, (rtpTimestamp + done) & 0xFFFF_FFFFL);
            }
        }
        if (tapClock && admitted)
        {
            final int length = rtp.payloadLength();
            tapNextTimestamp = (tapNextTimestamp + length) & 0xFFFF_FFFFL;
            tapDueNs += length * NANOS_PER_SAMPLE;
        }

        final RtpSession other = peer;
        if (null != other)
        {
            other.relay(rtp, other.codec.payloadType(),
                voiceCodec == other.codec ? null : G711.transcodeTable(voiceCodec), false);
        }
    }

    /**
     * A comfort-noise packet (RFC 3389): the far end is quiet; the taps get it as one frame of silence, on the tap
     * clock's timeline when it runs. Not relayed: our SDP offers no CN.
     */
    private void onComfortNoise(final RtpPacket rtp, final long nowNs)
    {
        if (!tapClock)
        {
            tapSilence(rtp.timestamp());
        }
        else if (admitToTaps(rtp.ssrc(), rtp.timestamp(), nowNs))
        {
            clockSilence();
        }
    }

    /**
     * @return how late a frame's audio may come before silence takes its place (widened by late packets).
     */
    long tapLateNs()
    {
        return tapLateNs;
    }

    private void clockTaps(final long nowNs)
    {
        while (nowNs - tapDueNs >= tapLateNs)
        {
            clockSilence();
        }
    }

    private void clockSilence()
    {
        tapSilence(tapNextTimestamp);
        tapNextTimestamp = (tapNextTimestamp + SAMPLES_PER_FRAME) & 0xFFFF_FFFFL;
        tapDueNs += FRAME_NS;
    }

    private void tapSilence(final long rtpTimestamp)
    {
        counters.onSilenceFrame();
        final AudioTap[] taps = this.taps;
        if (taps.length > 0)
        {
            Arrays.fill(pcm, (short)0);
            deliverToTaps(taps, SAMPLES_PER_FRAME, rtpTimestamp);
        }
    }

    /**
     * Places a received packet of the far end's stream on the tap clock's timeline (see the class comment): fills
     * the silence a gap left before it and re-phases the schedule, or refuses it when its audio starts before what
     * the taps were already given.
     *
     * @return true when the packet's audio goes to the taps, starting at {@link #tapNextTimestamp}.
     */
    private boolean admitToTaps(final long sourceSsrc, final long rtpTimestamp, final long nowNs)
    {
        final long behindNs = nowNs - tapDueNs;
        long fill = behindNs > 0 ? (behindNs + FRAME_NS / 2) / FRAME_NS : 0;
        if (tapStreamKnown && sourceSsrc == tapSsrc)
        {
            final int delta = (int)(rtpTimestamp - tapNextTimestamp);
            if (0 == delta)
            {
                return true;
            }
            if (delta < 0 && delta > -TAP_MAX_BACKWARD_SAMPLES)
            {
                // the far end's audio was only late (a busy sender or network), and silence took its place: wait
                // that much longer before the next frame of silence, so lateness is never mistaken for pauses again
                tapLateNs = Math.min(TAP_LATE_MAX_NS, tapLateNs + -delta * NANOS_PER_SAMPLE + FRAME_NS);
                counters.onLateForTaps();
                return false;
            }
            if (delta > 0)
            {
                fill = Math.min(fill, delta / SAMPLES_PER_FRAME);
            }
        }
        for (long i = 0; i < fill; i++)
        {
            clockSilence();
        }
        tapStreamKnown = true;
        tapSsrc = sourceSsrc;
        tapNextTimestamp = rtpTimestamp;
        tapDueNs = nowNs;
        return true;
    }

    private void deliverToTaps(final AudioTap[] taps, final int count, final long rtpTimestamp)
    {
        for (final AudioTap tap : taps)
        {
            try
            {
                tap.onFrame(id, pcm, 0, count, rtpTimestamp);
            }
            catch (final Throwable ex)
            {
                agent.errorHandler.onError(ex);
            }
        }
    }

    private void onTelephoneEvent(final RtpPacket rtp, final long nowNs)
    {
        final UnsafeBuffer rx = agent.rxBuffer;
        final int offset = rtp.payloadOffset();
        dtmfDetector.onPacket(
            rtp.timestamp(),
            rtp.sequenceNumber(),
            TelephoneEvent.event(rx, offset),
            TelephoneEvent.end(rx, offset),
            TelephoneEvent.duration(rx, offset),
            nowNs);
    }

    private void reportDtmf(final int event, final int durationUnits)
    {
        final char digit = TelephoneEvent.digitOf(event);
        if (0 != digit)
        {
            try
            {
                listener.onDtmf(id, digit, durationUnits / (Prompt.SAMPLE_RATE / 1000));
            }
            catch (final Throwable ex)
            {
                agent.errorHandler.onError(ex);
            }
        }
    }

    private void relay(final RtpPacket rtp, final int payloadType, final byte[] transcode, final boolean event)
    {
        final int length = rtp.payloadLength();
        if (!connected || !sending || closed || dtmfActive ||
            length > MediaAgent.MAX_DATAGRAM - RtpPacket.HEADER_LENGTH)
        {
            return;
        }
        final long sourceSsrc = rtp.ssrc();
        if (!relayOffsetKnown || sourceSsrc != relaySourceSsrc)
        {
            relayOffsetKnown = true;
            relaySourceSsrc = sourceSsrc;
            relayTimestampOffset = timestamp - rtp.timestamp();
            markerPending = true;
        }

        final UnsafeBuffer tx = agent.txBuffer;
        final UnsafeBuffer rx = agent.rxBuffer;
        final int offset = rtp.payloadOffset();
        final long outTimestamp = (rtp.timestamp() + relayTimestampOffset) & 0xFFFF_FFFFL;
        final long endTimestamp =
            (outTimestamp + (event ? TelephoneEvent.duration(rx, offset) : length)) & 0xFFFF_FFFFL;
        if (!relayed || (int)(endTimestamp - relayedEndTimestamp) > 0)
        {
            relayed = true;
            relayedEndTimestamp = endTimestamp;
        }
        final int headerLength = RtpPacket.writeHeader(
            tx, 0, markerPending || rtp.marker(), payloadType, nextSequence(), outTimestamp, ssrc);
        markerPending = false;
        if (null == transcode)
        {
            tx.putBytes(headerLength, rx, offset, length);
        }
        else
        {
            for (int i = 0; i < length; i++)
            {
                tx.putByte(headerLength + i, transcode[rx.getByte(offset + i) & 0xFF]);
            }
        }
        send(headerLength + length);
    }
}
