/*
 * Dialer core: report.
 */
package io.dialer.core.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the leads stand, each lead counted once by the last record about it. {@code finalDisposition + closed +
 * retryPending + inCall + neverDialed} is the number of leads.
 *
 * @param total            the leads in the list (the latest {@code campaignStarted}), or more if records named a
 *                         lead index beyond it.
 * @param dialed           leads dialed at least once.
 * @param finalDisposition leads whose last call ended with a disposition that is never retried.
 * @param closed           leads closed without a call (do-not-call, invalid number, attempts exhausted...).
 * @param retryPending     leads whose last call ended with a disposition that is retried later.
 * @param inCall           leads dialed whose call has no disposition yet (a live report, or a journal cut short).
 * @param neverDialed      leads neither dialed nor closed yet.
 * @param closedByReason   leads closed without a call per {@code DialDecision.Reason} name: the refusing reasons
 *                         always present (zero included) in enum order, then any other reason alphabetically; a
 *                         lead closed twice counts once, under its first reason.
 */
public record LeadSummary(
    int total,
    int dialed,
    int finalDisposition,
    int closed,
    int retryPending,
    int inCall,
    int neverDialed,
    Map<String, Long> closedByReason)
{
    /**
     * Copies the reasons, so the summary never changes.
     */
    public LeadSummary
    {
        closedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(closedByReason));
    }

    /**
     * Leads done: a final disposition or closed.
     *
     * @return the count.
     */
    public int done()
    {
        return finalDisposition + closed;
    }

    /**
     * Leads still open: retry pending, in a call or never dialed.
     *
     * @return the count.
     */
    public int open()
    {
        return retryPending + inCall + neverDialed;
    }
}
