/*
 * Dialer benchmarks.
 */
package io.dialer.bench.detection;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.dialer.detection.AnsweringMachineDetector;
import io.dialer.detection.ClassicAmd;
import io.dialer.detection.DetectionResult;
import io.dialer.detection.DetectorConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one 20 ms frame (160 samples) through the answering-machine detector, in the states a call goes through:
 * speech (a voicemail greeting with pauses and a beep, the detector reset whenever it finishes), line noise with no
 * speech (initial silence), and the classic baseline on the same speech. Run with {@code -prof gc} to see the
 * allocation per frame.
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DetectorBenchmark -prof gc -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DetectorBenchmark
{
    private static final int RATE = 8000;
    private static final int FRAME = 160;

    private final DetectionResult result = new DetectionResult();
    private final AnsweringMachineDetector detector =
        new AnsweringMachineDetector(DetectorConfig.defaults(), result);
    private final AnsweringMachineDetector silenceDetector =
        new AnsweringMachineDetector(DetectorConfig.defaults(), new DetectionResult());
    private final ClassicAmd classic = new ClassicAmd(new DetectionResult());

    private short[] greeting;
    private short[] noise;
    private int greetingPosition;
    private int noisePosition;
    private int classicPosition;

    /**
     * Synthesises the audio: 12 s of speech-like syllables in sentences, a 1 kHz beep, and line noise.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final Random random = new Random(42);
        greeting = new short[RATE * 12];
        int i = RATE / 2;
        while (i < RATE * 11)
        {
            final int syllable = (150 + random.nextInt(100)) * RATE / 1000;
            final double f0 = 100 + random.nextInt(120);
            for (int n = 0; n < syllable && i + n < greeting.length; n++)
            {
                double v = 0;
                for (int h = 1; h <= 10; h++)
                {
                    v += Math.sin(2 * Math.PI * h * f0 * n / RATE) / h;
                }
                greeting[i + n] = (short)(3000 * Math.sin(Math.PI * n / syllable) * v);
            }
            i += syllable + (random.nextInt(10) == 0 ? 500 : 50) * RATE / 1000;
        }
        for (int n = 0; n < RATE / 2; n++)
        {
            greeting[RATE * 11 + n] = (short)(8000 * Math.sin(2 * Math.PI * 1000 * n / RATE));
        }
        noise = new short[RATE * 4];
        for (int n = 0; n < greeting.length; n++)
        {
            greeting[n] = (short)(greeting[n] + 40 * random.nextGaussian());
        }
        for (int n = 0; n < noise.length; n++)
        {
            noise[n] = (short)(40 * random.nextGaussian());
        }
    }

    /**
     * One frame of a voicemail greeting (speech, pauses, beep); the detector restarts when it has finished.
     *
     * @return the detector's position, so the work is not dead code.
     */
    @Benchmark
    public int speechFrame()
    {
        if (detector.isFinished() || greetingPosition + FRAME > greeting.length)
        {
            detector.reset();
            greetingPosition = 0;
        }
        detector.onFrame(greeting, greetingPosition, FRAME);
        greetingPosition += FRAME;
        return detector.positionMs();
    }

    /**
     * One frame of line noise before anyone speaks.
     *
     * @return the detector's position.
     */
    @Benchmark
    public int silenceFrame()
    {
        if (silenceDetector.isFinished() || noisePosition + FRAME > noise.length)
        {
            silenceDetector.reset();
            noisePosition = 0;
        }
        silenceDetector.onFrame(noise, noisePosition, FRAME);
        noisePosition += FRAME;
        return silenceDetector.positionMs();
    }

    /**
     * The classic baseline on the same greeting.
     *
     * @return whether it finished.
     */
    @Benchmark
    public boolean classicFrame()
    {
        if (classic.isFinished() || classicPosition + FRAME > greeting.length)
        {
            classic.reset();
            classicPosition = 0;
        }
        classic.onFrame(greeting, classicPosition, FRAME);
        classicPosition += FRAME;
        return classic.isFinished();
    }
}
