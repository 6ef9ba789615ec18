/*
 * Server authentication.
 */
package io.dialer.server.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.agrona.concurrent.EpochClock;

/**
 * Server-side sessions, in memory: a restart signs everyone out (the sessions are not written anywhere, so a copy of
 * the data directory holds none). A session expires after an idle time without a request and after an absolute time
 * from its login, whichever comes first; expired sessions are dropped when seen and swept on each login.
 */
public final class SessionStore
{
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final EpochClock clock;
    private final long idleMs;
    private final long absoluteMs;

    /**
     * A store.
     *
     * @param clock      the clock.
     * @param idleMs     how long a session lives without a request.
     * @param absoluteMs how long a session lives at most.
     */
    public SessionStore(final EpochClock clock, final long idleMs, final long absoluteMs)
    {
        this.clock = clock;
        this.idleMs = idleMs;
        this.absoluteMs = absoluteMs;
    }

    /**
     * Creates a session for a user with a new id and CSRF token (a login never reuses an id).
     *
     * @param userId the user's id.
     * @return the session.
     */
    public Session create(final String userId)
    {
        final long now = clock.time();
        sessions.values().removeIf((session) -> expired(session, now));
        final Session session = new Session(Secrets.next(), userId, Secrets.next(), now);
        sessions.put(session.id(), session);
        return session;
    }

    /**
     * The live session of an id, marked used now.
     *
     * @param id the cookie's value, may be null.
     * @return the session, or null when unknown or expired.
     */
    public Session resolve(final String id)
    {
        if (null == id)
        {
            return null;
        }
        final Session session = sessions.get(id);
        if (null == session)
        {
            return null;
        }
        final long now = clock.time();
        if (expired(session, now))
        {
            sessions.remove(id);
            return null;
        }
        session.used(now);
        return session;
    }

    /**
     * When a session expires if not used again.
     *
     * @param session the session.
     * @return epoch ms.
     */
    public long expiresMs(final Session session)
    {
        return Math.min(session.lastUsedMs() + idleMs, session.createdMs() + absoluteMs);
    }

    /**
     * Ends a session.
     *
     * @param id the session's id.
     */
    public void remove(final String id)
    {
        sessions.remove(id);
    }

    /**
     * Ends every session of a user but one (a password changed, a user disabled or deleted).
     *
     * @param userId the user's id.
     * @param keepId the session to keep, or null for none.
     */
    public void removeUser(final String userId, final String keepId)
    {
        sessions.values().removeIf((session) -> session.userId().equals(userId) && !session.id().equals(keepId));
    }

    /**
     * How many sessions are held (live or not yet swept).
     *
     * @return the count.
     */
    public int size()
    {
        return sessions.size();
    }

    private boolean expired(final Session session, final long now)
    {
        return now - session.lastUsedMs() >= idleMs || now - session.createdMs() >= absoluteMs;
    }
}
