/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import io.dialer.detection.AnsweringMachineDetector;
import io.dialer.detection.Cause;
import io.dialer.detection.DetectionListener;
import io.dialer.detection.DetectorConfig;
import io.dialer.detection.Verdict;
import io.dialer.media.AudioTap;
import org.agrona.concurrent.NanoClock;

/**
 * Answering-machine detection on one answered outbound leg: an {@link AudioTap} feeding the leg's own detector on the
 * media thread, whose events reach the leg's {@link CallListener} through
 * {@link LegMediaControl#onDetectionEvent}: queued under the leg's lock only while it is answered.
 * <p>
 * Positions are from the answer. The leg's media runs its tap clock from the answer
 * ({@link LegMedia#startTapClock()}): the detector gets a frame for every 20 ms from then, silence where the far end
 * sent nothing (a phone suppressing silence after "Hello?" still gets its HUMAN verdict as soon as after silent
 * packets), so its frame count is the position. Media without that clock (signalling tests' fakes) tap received
 * packets only: the audio received between the 2xx and the first tapped frame (the tap is added by a command to
 * the media thread) is then measured once, in whole frames, and added to every position the detector reports.
 * The tap removes itself once the detector has finished (a verdict other than MACHINE; for MACHINE the beep or the
 * greeting's end); the leg calls {@link #stop()} when it ends. Nothing is allocated per frame.
 */
final class LegDetection implements AudioTap, DetectionListener
{
    private static final int SAMPLES_PER_MS = 8;
    private static final int FRAME_MS = 20;
    private static final long NANOS_PER_MS = 1_000_000L;

    private final CallLeg leg;
    private final LegMedia media;
    private final NanoClock clock;
    private final AnsweringMachineDetector detector;
    private final long answerNs;

    private volatile boolean stopped;
    private boolean detached;
    private int leadMs = -1;

    private LegDetection(
        final CallLeg leg, final LegMedia media, final DetectorConfig config, final NanoClock clock)
    {
        this.leg = leg;
        this.media = media;
        this.clock = clock;
        this.detector = new AnsweringMachineDetector(config, this);
        this.answerNs = clock.nanoTime();
    }

    /**
     * Starts detection on a leg that has just been answered: position 0 is now.
     *
     * @param leg    the leg, whose events the detector's become.
     * @param media  the leg's media, to tap.
     * @param config the detector's parameters.
     * @param clock  the clock measuring the time from the answer to the first tapped frame.
     * @return the running detection, to {@link #stop()} when the leg ends.
     */
    static LegDetection start(
        final CallLeg leg, final LegMedia media, final DetectorConfig config, final NanoClock clock)
    {
        final LegDetection detection = new LegDetection(leg, media, config, clock);
        if (media.startTapClock())
        {
            detection.leadMs = 0;
        }
        media.addTap(detection);
        return detection;
    }

    /**
     * The leg ended: no more events, and the tap is removed (if the media is not already closed).
     */
    void stop()
    {
        if (!stopped)
        {
            stopped = true;
            media.removeTap(this);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(
        final long sessionId, final short[] samples, final int offset, final int length, final long rtpTimestamp)
    {
        if (detached || stopped)
        {
            return;
        }
        if (leadMs < 0)
        {
            final long sinceAnswerMs = (clock.nanoTime() - answerNs) / NANOS_PER_MS - length / SAMPLES_PER_MS;
            leadMs = (int)(Math.max(0, sinceAnswerMs + FRAME_MS / 2) / FRAME_MS) * FRAME_MS;
        }
        detector.onFrame(samples, offset, length);
        if (detector.isFinished())
        {
            detached = true;
            media.removeTap(this);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onVerdict(final Verdict verdict, final Cause cause, final float confidence, final int positionMs)
    {
        final int atMs = leadMs + positionMs;
        leg.mediaControl.onDetectionEvent(this, (l) -> l.onVerdict(leg, verdict, cause, confidence, atMs));
    }

    /**
     * {@inheritDoc}
     */
    public void onBeep(final int endMs, final int frequencyHz)
    {
        final int atMs = leadMs + endMs;
        leg.mediaControl.onDetectionEvent(this, (l) -> l.onBeep(leg, atMs, frequencyHz));
    }

    /**
     * {@inheritDoc}
     */
    public void onGreetingEndedWithoutBeep(final int positionMs)
    {
        final int atMs = leadMs + positionMs;
        leg.mediaControl.onDetectionEvent(this, (l) -> l.onGreetingEndedWithoutBeep(leg, atMs));
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public void onLateBeep(final int endMs, final int frequencyHz)
    {
        final int atMs = leadMs + endMs;
        leg.mediaControl.onDetectionEvent(this, (l) -> l.onLateBeep(leg, atMs, frequencyHz));
    }

    /**
     * Audio the detector missed between the answer and the first tapped frame.
     *
     * @return whole frames, in ms, or -1 before the first frame.
     */
    int leadMs()
    {
        return leadMs;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "LegDetection{leg=" + leg.id() + ", verdict=" + detector.verdict() + ", at=" + detector.positionMs() +
            " ms, lead=" + leadMs + " ms}";
    }
}
