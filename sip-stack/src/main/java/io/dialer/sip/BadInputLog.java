/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The one gate every "bad input" log line goes through (malformed SIP, refused peers and connections, JAIN-SIP's own
 * errors about what it received): a token bucket shared by all of them, and at most one line per source per interval;
 * what does not pass is counted instead, and the next line that passes says how many were suppressed. Lines never
 * carry message, packet or buffer content: the caller gives a short reason. Thread-safe; one per process, because
 * JAIN-SIP's loggers are process-wide.
 */
public final class BadInputLog
{
    /** Lines the bucket holds (a burst). */
    public static final int BURST_DEFAULT = 20;
    /** Interval over which the bucket refills and within which one source gets one line. */
    public static final long INTERVAL_NS_DEFAULT = 10_000_000_000L;
    /** Sources remembered for the per-source limit; beyond, sources share the bucket only. */
    public static final int SOURCES_DEFAULT = 4096;

    private static final Logger LOGGER = LoggerFactory.getLogger("io.dialer.sip.badinput");
    private static final BadInputLog INSTANCE =
        new BadInputLog(new TokenGate(BURST_DEFAULT, INTERVAL_NS_DEFAULT, SOURCES_DEFAULT, System.nanoTime()));

    private final TokenGate gate;
    private final AtomicLong reported = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicLong suppressedSinceLine = new AtomicLong();

    BadInputLog(final TokenGate gate)
    {
        this.gate = gate;
    }

    /**
     * The process-wide log.
     *
     * @return the instance.
     */
    public static BadInputLog instance()
    {
        return INSTANCE;
    }

    /**
     * Reports bad input: one WARN line if the gate lets it through, else a count.
     *
     * @param source where it came from (an IP address, or a component name when unknown).
     * @param what   what was wrong, without any of the input's content.
     */
    public void report(final String source, final String what)
    {
        report(source, source, what);
    }

    /**
     * Reports bad input limited per key rather than per source (e.g. per kind of JAIN-SIP error, whose source is not
     * known).
     *
     * @param key    what the one-line-per-interval limit applies to.
     * @param source where it came from.
     * @param what   what was wrong, without any of the input's content.
     */
    public void report(final String key, final String source, final String what)
    {
        reported.incrementAndGet();
        final boolean pass;
        synchronized (gate)
        {
            pass = gate.admit(null == key ? "unknown" : key, System.nanoTime());
        }
        if (pass)
        {
            final long skipped = suppressedSinceLine.getAndSet(0);
            if (0 == skipped)
            {
                LOGGER.warn("bad input from {}: {}", source, what);
            }
            else
            {
                LOGGER.warn("bad input from {}: {} ({} similar lines suppressed)", source, what, skipped);
            }
        }
        else
        {
            suppressed.incrementAndGet();
            suppressedSinceLine.incrementAndGet();
        }
    }

    /**
     * Bad inputs reported so far, logged or not.
     *
     * @return the count.
     */
    public long reported()
    {
        return reported.get();
    }

    /**
     * Bad inputs counted but not logged.
     *
     * @return the count.
     */
    public long suppressed()
    {
        return suppressed.get();
    }
}
