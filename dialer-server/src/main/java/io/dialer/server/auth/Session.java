/*
 * Server authentication.
 */
package io.dialer.server.auth;

/**
 * A server-side session: its id (the cookie's value), the user, its CSRF token, and when it was created and last
 * used (idle and absolute expiry are counted from these).
 */
public final class Session
{
    private final String id;
    private final String userId;
    private final String csrfToken;
    private final long createdMs;
    private volatile long lastUsedMs;

    Session(final String id, final String userId, final String csrfToken, final long createdMs)
    {
        this.id = id;
        this.userId = userId;
        this.csrfToken = csrfToken;
        this.createdMs = createdMs;
        this.lastUsedMs = createdMs;
    }

    /**
     * The session's id: the cookie's value.
     *
     * @return the id.
     */
    public String id()
    {
        return id;
    }

    /**
     * The user's id.
     *
     * @return the id.
     */
    public String userId()
    {
        return userId;
    }

    /**
     * The token a state-changing request of this session must send in {@code X-CSRF-Token}.
     *
     * @return the token.
     */
    public String csrfToken()
    {
        return csrfToken;
    }

    /**
     * When the session was created.
     *
     * @return epoch ms.
     */
    public long createdMs()
    {
        return createdMs;
    }

    /**
     * When the session was last used.
     *
     * @return epoch ms.
     */
    public long lastUsedMs()
    {
        return lastUsedMs;
    }

    void used(final long nowMs)
    {
        lastUsedMs = nowMs;
    }
}
