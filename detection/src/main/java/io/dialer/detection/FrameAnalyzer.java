/*
 * Answering-machine detection.
 */
package io.dialer.detection;

import java.util.Arrays;

/**
 * Features of one 20 ms frame (160 samples at 8 kHz): energy after a high-pass that removes DC, hum and rumble, and the
 * frame's dominant frequency with its share of the energy (tonality).
 * <p>
 * The high-pass subtracts a 32-sample moving average (4 ms) from the sample at its centre: integer arithmetic, flat
 * within about 1.5 dB above 300 Hz, -20 dB at 60 Hz; its output keeps a resolution of two 16-bit steps so that the
 * correlations are sums of 32-bit products. The frequency comes from the autocorrelation at lags 1 to 4: for
 * a sinusoid r(k-1) + r(k+1) = 2cos(w) r(k), and a least-squares fit over k = 2, 3 gives 2cos(w) without using r(0),
 * so white noise does not bias it. When that estimate is steady from one frame to the next (as it is for a tone,
 * rarely for speech), Goertzel filters at the frequency measure how much of the frame's energy the tone holds: a
 * pure tone scores about 1, noise about 2/N, speech well below a tone because its energy spreads over several
 * harmonics and formants.
 * <p>
 * On request, {@link #pitchHz()} estimates the pitch from the signal decimated to 4 kHz (kept for every frame).
 * <p>
 * Every frame costs one integer pass (high-pass and energy); the correlations run only on frames above the noise
 * floor, and the serial Goertzel pass only on frames whose frequency held steady since the previous frame.
 * Allocation-free.
 */
final class FrameAnalyzer
{
    /** Samples per analysis frame: 20 ms at 8 kHz. */
    static final int FRAME_SAMPLES = 160;
    /** Milliseconds per analysis frame. */
    static final int FRAME_MS = 20;
    /** Frames before the first one measured as tonal that the steadiness check has already vouched for. */
    static final int TONE_LOOKBACK_FRAMES = 1;

    private static final int AVERAGE = 32;
    private static final int SHIFT = 6;
    private static final int LAGS = 4;
    private static final double SCALE = (double)(1 << SHIFT) * (1 << SHIFT) / (AVERAGE * AVERAGE);
    private static final double TWO_PI_OVER_RATE = 2.0 * Math.PI / 8000.0;
    private static final double STEADY_TOLERANCE = 0.03;
    private static final double STEADY_TOLERANCE_MIN_HZ = 15.0;

    private static final int PITCH_SAMPLES = FRAME_SAMPLES / 2;
    private static final int PITCH_MIN_LAG = 10;
    private static final int PITCH_MAX_LAG = 64;
    private static final double PITCH_RATE = 4000.0;
    private static final double PITCH_MIN_CORRELATION = 0.4;
    private static final double PITCH_OCTAVE_SHARE = 0.85;
    private static final int PITCH_BITS = 12;

    private final int[] work = new int[AVERAGE + FRAME_SAMPLES];
    private final int[] filtered = new int[LAGS + FRAME_SAMPLES];
    private final int[] decimated = new int[PITCH_MAX_LAG + 1 + PITCH_SAMPLES];
    private final int[] scaled = new int[PITCH_MAX_LAG + 1 + PITCH_SAMPLES];
    private final int[] lagSums = new int[PITCH_MAX_LAG - PITCH_MIN_LAG + 3];
    private final int[] lagEnergy = new int[PITCH_MAX_LAG - PITCH_MIN_LAG + 3];
    private final double[] correlation = new double[PITCH_MAX_LAG + 2];
    private int runningSum;
    private double previousHz;

    private double energyDb;
    private double toneHz;
    private double tonality;

    void reset()
    {
        Arrays.fill(work, 0);
        Arrays.fill(filtered, 0);
        Arrays.fill(decimated, 0);
        runningSum = 0;
        previousHz = 0;
        energyDb = 0;
        toneHz = 0;
        tonality = 0;
    }

    /**
     * Analyse one frame.
     *
     * @param samples    the frame's samples.
     * @param offset     index of the first sample.
     * @param toneGateDb look for a tone only when the energy is above this level, in dB.
     */
    void analyze(final short[] samples, final int offset, final double toneGateDb)
    {
        final int[] w = work;
        final int[] y = filtered;
        System.arraycopy(w, FRAME_SAMPLES, w, 0, AVERAGE);
        for (int i = 0; i < FRAME_SAMPLES; i++)
        {
            w[AVERAGE + i] = samples[offset + i];
        }
        System.arraycopy(y, FRAME_SAMPLES, y, 0, LAGS);

        int sum = runningSum;
        long r0 = 0;
        for (int i = 0; i < FRAME_SAMPLES; i++)
        {
            sum += w[AVERAGE + i] - w[i];
            final int x = (AVERAGE * w[AVERAGE / 2 + i] - sum) >> SHIFT;
            y[LAGS + i] = x;
            r0 += x * x;
        }
        runningSum = sum;

        final int[] d = decimated;
        System.arraycopy(d, PITCH_SAMPLES, d, 0, PITCH_MAX_LAG + 1);
        for (int i = 0, j = PITCH_MAX_LAG + 1; i < PITCH_SAMPLES; i++, j++)
        {
            d[j] = (y[LAGS + 2 * i] + y[LAGS + 2 * i + 1]) >> 1;
        }

        final double energy = (double)r0;
        energyDb = 10.0 * Math.log10(energy * SCALE / FRAME_SAMPLES + 1.0);
        final double previous = previousHz;
        previousHz = 0;
        toneHz = 0;
        tonality = 0;
        if (energyDb < toneGateDb)
        {
            return;
        }

        // Correlations on every other sample: half the work, enough to place the frequency; the Goertzel filters
        // below measure the tone on every sample.
        long r1 = 0;
        long r2 = 0;
        long r3 = 0;
        long r4 = 0;
        for (int i = LAGS; i < LAGS + FRAME_SAMPLES; i++)
        {
            final int x = y[i];
            r1 += x * y[i - 1];
            r2 += x * y[i - 2];
            r3 += x * y[i - 3];
            r4 += x * y[i - 4];
        }
        final double c2 = r2;
        final double c3 = r3;
        final double den = c2 * c2 + c3 * c3;
        if (den <= 0)
        {
            return;
        }
        double coeff = (c2 * ((double)r1 + c3) + c3 * (c2 + (double)r4)) / den;
        coeff = Math.max(-1.999, Math.min(1.999, coeff));
        final double hz = Math.acos(coeff * 0.5) / TWO_PI_OVER_RATE;
        toneHz = hz;
        previousHz = hz;
        if (Math.abs(hz - previous) > Math.max(STEADY_TOLERANCE_MIN_HZ, STEADY_TOLERANCE * hz))
        {
            return;
        }

        // Two Goertzel filters over the two halves of the frame, interleaved so their serial chains overlap; each
        // half's power at the frequency, summed, measures the tone's share of the energy (80-sample resolution).
        double a1 = 0;
        double a2 = 0;
        double b1 = 0;
        double b2 = 0;
        final int half = FRAME_SAMPLES / 2;
        for (int i = 0; i < half; i++)
        {
            final double a0 = y[LAGS + i] + coeff * a1 - a2;
            final double b0 = y[LAGS + half + i] + coeff * b1 - b2;
            a2 = a1;
            a1 = a0;
            b2 = b1;
            b1 = b0;
        }
        final double power = a1 * a1 + a2 * a2 - coeff * a1 * a2 + b1 * b1 + b2 * b2 - coeff * b1 * b2;
        tonality = 2.0 * power / (half * energy);
    }

    /**
     * The pitch of the frame just analysed: normalised autocorrelation of the high-passed signal, decimated to 4 kHz
     * (pairs averaged), over lags of 2.5 to 16 ms (400 to 62.5 Hz), the window reaching back into the previous frame.
     * The search runs on every other lag; of the peaks, the shortest lag within 85 % of the best wins (no sub-octave
     * errors), then the odd lags either side and a parabola refine it. About 2,500 multiply-adds (≈ 1.4 µs): the
     * caller asks only for the frames that need it.
     *
     * @return the pitch in Hz, or 0 when the frame is not periodic enough.
     */
    double pitchHz()
    {
        final int[] d = decimated;
        final int[] q = scaled;
        final double[] c = correlation;
        int peak = 0;
        for (int i = 0; i < d.length; i++)
        {
            peak = Math.max(peak, Math.abs(d[i]));
        }
        // Scaled to 12 bits so that the sums of 80 products fit in an int, and stored reversed so that the
        // correlations at all lags accumulate in one pass over the window whose inner loop vectorises.
        final int shift = Math.max(0, 32 - Integer.numberOfLeadingZeros(peak) - PITCH_BITS);
        final int last = d.length - 1;
        for (int i = 0; i <= last; i++)
        {
            q[last - i] = d[i] >> shift;
        }
        final int[] r = lagSums;
        final int firstLag = PITCH_MIN_LAG - 1;
        final int lags = r.length;
        final int e0 = correlate(q, 0);
        for (int k = 0; k < lags; k += 2)
        {
            r[k] = correlate(q, firstLag + k);
        }
        if (e0 <= 0)
        {
            return 0;
        }
        // The energy of the lagged window, updated lag by lag.
        final int[] e = lagEnergy;
        int eLag = 0;
        for (int j = firstLag - 1; j < firstLag - 1 + PITCH_SAMPLES; j++)
        {
            eLag += q[j] * q[j];
        }
        for (int k = 0; k < lags; k++)
        {
            final int lag = firstLag + k;
            eLag += q[lag + PITCH_SAMPLES - 1] * q[lag + PITCH_SAMPLES - 1] - q[lag - 1] * q[lag - 1];
            e[k] = eLag;
        }
        // Coarse: every other lag. The peaks of a voiced frame's correlation span several lags at 4 kHz.
        double best = 0;
        for (int k = 0; k < lags; k += 2)
        {
            c[k] = normalised(r[k], e0, e[k]);
            best = Math.max(best, c[k]);
        }
        if (best < PITCH_MIN_CORRELATION * PITCH_MIN_CORRELATION)
        {
            return 0;
        }
        final double accept = PITCH_OCTAVE_SHARE * PITCH_OCTAVE_SHARE * best;
        for (int k = 2; k < lags - 2; k += 2)
        {
            if (c[k] >= accept && c[k] >= c[k - 2] && c[k] >= c[k + 2])
            {
                // Fine: the odd lags either side, then a parabola through the best lag and its neighbours.
                c[k - 1] = normalised(correlate(q, firstLag + k - 1), e0, e[k - 1]);
                c[k + 1] = normalised(correlate(q, firstLag + k + 1), e0, e[k + 1]);
                int m = k;
                if (c[k - 1] > c[m])
                {
                    m = k - 1;
                }
                if (c[k + 1] > c[m])
                {
                    m = k + 1;
                }
                final double den = c[m - 1] - 2 * c[m] + c[m + 1];
                final double refine = den < 0 ? 0.5 * (c[m - 1] - c[m + 1]) / den : 0;
                return PITCH_RATE / (firstLag + m + Math.max(-0.5, Math.min(0.5, refine)));
            }
        }
        return 0;
    }

    private static int correlate(final int[] q, final int lag)
    {
        // Four independent sums: the multiply-adds pipeline instead of waiting on one another.
        int r0 = 0;
        int r1 = 0;
        int r2 = 0;
        int r3 = 0;
        for (int j = 0; j < PITCH_SAMPLES; j += 4)
        {
            r0 += q[j] * q[j + lag];
            r1 += q[j + 1] * q[j + 1 + lag];
            r2 += q[j + 2] * q[j + 2 + lag];
            r3 += q[j + 3] * q[j + 3 + lag];
        }
        return r0 + r1 + r2 + r3;
    }

    /** Normalised correlation, squared with its sign kept (no square root; same order of lags). */
    private static double normalised(final int r, final int e0, final int eLag)
    {
        return eLag > 0 ? (double)r * Math.abs(r) / ((double)e0 * eLag) : 0;
    }

    double energyDb()
    {
        return energyDb;
    }

    double toneHz()
    {
        return toneHz;
    }

    double tonality()
    {
        return tonality;
    }
}
