/*
 * Dialer benchmarks.
 */
package io.dialer.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Building one outbound INVITE (no transaction, nothing sent), the dial path's request building before and after
 * the templates: {@link #headerByHeader} is how {@code InviteClient} built it until templates (the target URI parsed,
 * every header from JAIN-SIP's factories, a Call-ID from JAIN-SIP's digest), {@link #template} is how it builds it
 * now ({@link InviteTemplates}: the URI from the cache, the template's clone with the per-call headers set), each
 * with its SDP offer (javax.sdp's objects before, {@link Sdp#offer}'s one string builder now). Run with {@code -prof gc} for the bytes allocated per INVITE:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar InviteBuild -prof gc
 * </pre>
 * The {@code target} parameter is a closer's URI ({@code closer}, the same for every call) or a lead's
 * ({@code lead}, a new number on the trunk's host each call).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InviteBuildBenchmark
{
    private static final InetSocketAddress RTP = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_002);

    /** Whose URI is dialed: {@code closer} (one URI) or {@code lead} (a new number each call). */
    @Param({"closer", "lead"})
    public String target;

    private SipStack stack;
    private SipDispatcher sip;
    private DialRequest request;
    private String[] targets;
    private int next;

    /**
     * Starts a stack on loopback (its factories and templates) and the targets.
     */
    @Setup
    public void setUp()
    {
        stack = SipStack.launch(new SipStack.Context().bindAddress(InetAddress.getLoopbackAddress()).port(0)
            .transports(Transport.UDP).allowedPeer("127.0.0.1").mediaProvider(new NoMedia()));
        sip = stack.dispatcher();
        targets = new String[1024];
        for (int i = 0; i < targets.length; i++)
        {
            targets[i] = "closer".equals(target) ? "sip:closer@127.0.0.1:5070" :
                "sip:+1214555" + (1000 + i) + "@127.0.0.1:5070";
        }
        request = new DialRequest(targets[0]).callerIdName("Dialer").callerIdUser("+12145550199");
    }

    /**
     * Stops the stack.
     */
    @TearDown
    public void tearDown()
    {
        stack.close();
    }

    /**
     * The INVITE as it was built per call: URI parsed, headers from the factories, JAIN-SIP's Call-ID, javax.sdp.
     *
     * @param bh takes the request and its From URI.
     * @throws Exception never.
     */
    @Benchmark
    public void headerByHeader(final Blackhole bh) throws Exception
    {
        final SipURI uri = (SipURI)sip.addressFactory.createURI(nextTarget());
        final String callId = sip.provider.getNewCallId().getCallId();
        final Request invite = sip.newRequest(Request.INVITE, uri, request.callerIdName(), request.callerIdUser(),
            null, Transport.UDP, callId, false);
        final FromHeader from = (FromHeader)invite.getHeader(FromHeader.NAME);
        final String localUri = from.getAddress().getURI().toString();
        invite.addHeader(sip.headerFactory.createHeader("P-Asserted-Identity", from.getAddress().toString()));
        invite.addHeader(sip.headerFactory.createAllowHeader(SipDispatcher.ALLOW));
        invite.setContent(Sdp.offerWithFactory(RTP, 4242, 0, Sdp.SENDRECV), sip.sdpContentType());
        bh.consume(localUri);
        bh.consume(invite);
    }

    /**
     * The INVITE as it is built now: URI from the cache, the template's clone, the per-call headers set, the SDP
     * written directly.
     *
     * @param bh takes the request and its From URI.
     * @throws Exception never.
     */
    @Benchmark
    public void template(final Blackhole bh) throws Exception
    {
        final SipURI uri = (SipURI)sip.templates.parse(nextTarget());
        final InviteTemplates.Prepared built = sip.templates.invite(uri, request, Transport.UDP,
            sip.templates.newCallId());
        final Request invite = built.request();
        InviteTemplates.sdp(invite, Sdp.offer(RTP, 4242, 0, Sdp.SENDRECV));
        bh.consume(built.localUri());
        bh.consume(invite);
    }

    private String nextTarget()
    {
        final String t = targets[next];
        next = (next + 1) & (targets.length - 1);
        return t;
    }

    /**
     * No media: the benchmark builds requests only.
     */
    private static final class NoMedia implements MediaProvider
    {
        public LegMedia open(final io.dialer.media.MediaListener listener)
        {
            throw new UnsupportedOperationException("no media in this benchmark");
        }

        public void close()
        {
        }
    }
}
