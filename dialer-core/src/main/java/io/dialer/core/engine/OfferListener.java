/*
 * Dialer core.
 */
package io.dialer.core.engine;

/**
 * Told of closers' offers as the controller makes and ends them, to put them on the closers' screens. Called on the
 * controller's thread: hand the offer to another thread and return at once; never block.
 */
public interface OfferListener
{
    /**
     * A closer is offered a caller; the closer's phone is dialed right after this returns.
     *
     * @param offer the offer.
     */
    void offered(Offer offer);

    /**
     * A closer's offer is over.
     *
     * @param closerId the closer.
     * @param callId   the call.
     * @param result   {@code ACCEPTED} (the caller is bridged to the closer), {@code REJECTED}, {@code NO_ANSWER},
     *                 {@code BUSY}, {@code FAILED}, {@code HUNG_UP} (the closer) or {@code CANCELLED} (the caller hung
     *                 up, or the dialer gave up).
     * @param atMs     when, epoch ms.
     */
    void ended(String closerId, long callId, String result, long atMs);
}
