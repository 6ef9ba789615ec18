/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * No open relay: only the trunk and the configured peers may send INVITE or REFER. Refusals are logged once per
 * source, with a bounded memory of sources already logged.
 */
final class PeerGuard
{
    private static final Logger LOGGER = LoggerFactory.getLogger(PeerGuard.class);

    private final Set<String> allowed;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private final int logCapacity;
    private final AtomicLong refusals = new AtomicLong();

    PeerGuard(final Set<String> allowed, final int logCapacity)
    {
        this.allowed = Set.copyOf(allowed);
        this.logCapacity = logCapacity;
    }

    /**
     * Whether a request from this source may create a call.
     *
     * @param packetSource IP address the packet came from, or null if unknown.
     * @param viaHost      host of the top Via (its received parameter if set), or null.
     * @return true when allowed.
     */
    boolean allows(final String packetSource, final String viaHost)
    {
        if (null != packetSource)
        {
            return allowed.contains(packetSource);
        }
        return null != viaHost && allowed.contains(viaHost);
    }

    /**
     * Counts a refusal and logs it the first time the source is seen (while the memory is not full).
     *
     * @param method the method refused.
     * @param source the source.
     */
    void refused(final String method, final String source)
    {
        refusals.incrementAndGet();
        if (logged.size() < logCapacity && logged.add(source))
        {
            LOGGER.warn("refused {} from {} with 403: not a configured trunk or peer (logged once per source)",
                method, source);
        }
    }

    long refusals()
    {
        return refusals.get();
    }

    int sourcesLogged()
    {
        return logged.size();
    }
}
