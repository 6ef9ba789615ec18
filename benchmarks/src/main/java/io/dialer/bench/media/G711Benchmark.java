/*
 * Dialer benchmarks.
 */
package io.dialer.bench.media;

import java.util.concurrent.TimeUnit;

import io.dialer.audio.Codec;
import io.dialer.audio.G711;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * G.711 encode and decode of one 20 ms frame (160 samples), the work done per sent or tapped RTP packet.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class G711Benchmark
{
    @Param({"PCMU", "PCMA"})
    public Codec codec;

    private final short[] pcm = new short[160];
    private final byte[] encoded = new byte[160];
    private final short[] decoded = new short[160];

    @Setup
    public void setup()
    {
        for (int i = 0; i < pcm.length; i++)
        {
            pcm[i] = (short)Math.round(12_000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        G711.encode(codec, pcm, 0, pcm.length, encoded, 0);
    }

    @Benchmark
    public byte[] encodeFrame()
    {
        G711.encode(codec, pcm, 0, pcm.length, encoded, 0);
        return encoded;
    }

    @Benchmark
    public short[] decodeFrame()
    {
        G711.decode(codec, encoded, 0, encoded.length, decoded, 0);
        return decoded;
    }

    @Benchmark
    public byte[] transcodeFrame()
    {
        for (int i = 0; i < encoded.length; i++)
        {
            encoded[i] = Codec.PCMU == codec ? G711.ulawToAlaw(encoded[i]) : G711.alawToUlaw(encoded[i]);
        }
        return encoded;
    }
}
