/*
 * Dialer benchmarks.
 */
package io.dialer.bench.media;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import io.dialer.media.RtpPacket;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RTP header validation and parsing, and header writing, on a direct buffer as the media agent does per packet.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RtpPacketBenchmark
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
    private final RtpPacket packet = new RtpPacket();
    private int sequence;

    @Setup
    public void setup()
    {
        RtpPacket.writeHeader(buffer, 0, true, 0, 4711, 123_456_789L, 0xCAFEBABEL);
    }

    @Benchmark
    public long parseHeader()
    {
        packet.wrap(buffer, 0, 172);
        if (RtpPacket.VALID != packet.validate())
        {
            return -1;
        }
        return packet.payloadType() + packet.sequenceNumber() + packet.timestamp() + packet.ssrc() +
            packet.payloadOffset() + packet.payloadLength() + (packet.marker() ? 1 : 0);
    }

    @Benchmark
    public int writeHeader()
    {
        sequence = (sequence + 1) & 0xFFFF;
        return RtpPacket.writeHeader(buffer, 0, false, 0, sequence, sequence * 160L, 0xCAFEBABEL);
    }
}
