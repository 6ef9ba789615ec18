/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

/**
 * Told when a queued caller gets a closer, which happens inside a {@link Matcher} call that makes a closer available
 * (login, resume, end of an offer, end of wrap-up). The closer is then {@link CloserState#OFFERED} to that caller.
 * The matcher has finished all its changes before it calls this, so the listener may call the matcher again.
 */
@FunctionalInterface
public interface MatchListener
{
    /**
     * A waiting caller has been given a closer.
     *
     * @param callerId the caller (or transfer) id given to {@link Matcher#assign(long, int, int, long)}.
     * @param closer   the closer index now offered to that caller.
     * @param skill    the skill the caller was waiting for.
     */
    void onMatched(long callerId, int closer, int skill);
}
