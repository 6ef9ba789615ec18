/*
 * Dialer simulated phones.
 */
package io.dialer.sim;

import io.dialer.media.AudioTap;

import java.util.function.IntConsumer;

/**
 * Tells a simulated person when it is their turn to answer: an {@link AudioTap} that waits for voiced audio followed
 * by a stretch of silence (the caller asked and stopped talking), then hands the next answer's index to its action
 * and ignores audio until {@link #answered()} says the answer's keys went out. Silence is counted in received
 * samples, so network timing does not move the turn. Frames arrive on the media thread; allocation-free there.
 */
final class TurnTaker implements AudioTap
{
    private final long silenceSamples;
    private final int answers;
    private final IntConsumer onTurn;
    private volatile boolean answering;
    private boolean heardVoice;
    private long silentSamples;
    private int next;

    /**
     * A turn taker.
     *
     * @param silenceMs silence after voiced audio that ends the caller's turn.
     * @param answers   how many answers to give.
     * @param onTurn    gets the index of the answer to give; called on the media thread, so it must not block.
     */
    TurnTaker(final long silenceMs, final int answers, final IntConsumer onTurn)
    {
        this.silenceSamples = silenceMs * 8;
        this.answers = answers;
        this.onTurn = onTurn;
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(
        final long sessionId, final short[] samples, final int offset, final int length, final long rtpTimestamp)
    {
        if (next >= answers)
        {
            return;
        }
        if (answering)
        {
            heardVoice = false;
            silentSamples = 0;
            return;
        }
        if (AudioProbe.rms(samples, offset, length) >= AudioProbe.SILENCE_RMS)
        {
            heardVoice = true;
            silentSamples = 0;
        }
        else if (heardVoice)
        {
            silentSamples += length;
            if (silentSamples >= silenceSamples)
            {
                heardVoice = false;
                silentSamples = 0;
                answering = true;
                onTurn.accept(next++);
            }
        }
    }

    /**
     * The current answer's keys have all been sent: listen for the next question.
     */
    void answered()
    {
        answering = false;
    }
}
