/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stack's registrar: softphones of extensions ({@code ext:1001}) REGISTER on the stack's own listening points
 * (UDP and TCP) with MD5 digest ({@code qop=auth}), and the dialer finds the Contact to dial with
 * {@link #contact(String)}. Enabled with {@link SipStack.Context#registrar(Context)}; reached with
 * {@link SipStack#registrar()}.
 * <pre>{@code
 * final SipStack stack = SipStack.launch(new SipStack.Context().registrar(new Registrar.Context().realm("dialer")));
 * final Registrar registrar = stack.registrar();
 * registrar.listener(new RegistrationListener()
 * {
 *     public void onRegistered(final String extension, final String contact)
 *     {
 *         ring.publish(CLOSER_REACHABLE, extension);      // return at once
 *     }
 *
 *     public void onUnregistered(final String extension, final UnregisterCause cause)
 *     {
 *         ring.publish(CLOSER_UNREACHABLE, extension);
 *     }
 * });
 * registrar.credentials("1001", ha1FromTheClosersFile);  // any time, from any thread
 * ...
 * final String contact = registrar.contact("1001");     // at dial time; null when not registered
 * if (null != contact)
 * {
 *     stack.dial(new DialRequest(contact).direct(true), listener);
 * }
 * }</pre>
 * Credentials are HA1 values ({@code MD5(extension:realm:password)}, {@link #ha1(String, String, String)}), so no
 * password is kept; they are tied to the realm. The rules (intervals, failures, what ends a binding) are those of the
 * package's pure state machine, described in {@code docs/architecture.md}. Bindings live in memory only: a restart
 * forgets them and phones are reachable again at their next REGISTER.
 * <p>
 * Thread-safe. Decisions are taken under one lock; listener calls are made after it is released, one at a time, in
 * order (see {@link RegistrationListener}). {@link #contact(String)} and {@link #registered(String)} take no lock.
 */
public final class Registrar
{
    private static final Logger LOGGER = LoggerFactory.getLogger(Registrar.class);

    private final Object lock = new Object();
    private final String realm;
    private final EpochClock clock;
    private final Registrations registrations;
    private final ConcurrentHashMap<String, Bound> bound = new ConcurrentHashMap<>();
    private final ArrayDeque<Runnable> outbox = new ArrayDeque<>();
    private boolean delivering;
    private volatile RegistrationListener listener;

    /**
     * @param context      the settings, concluded.
     * @param defaultRealm the realm when the context names none: the stack's host.
     * @param secret       signs nonces.
     */
    Registrar(final Context context, final String defaultRealm, final String secret)
    {
        this.realm = null != context.realm() ? context.realm() : defaultRealm;
        this.clock = context.epochClock();
        this.registrations = new Registrations(realm, context, secret, new Registrations.Changes()
        {
            public void bound(final String extension, final String contact, final long expiresAtMs,
                final boolean changed)
            {
                Registrar.this.bound.put(extension, new Bound(contact, expiresAtMs));
                if (changed)
                {
                    outbox.add(() -> notifyRegistered(extension, contact));
                }
            }

            public void unbound(final String extension, final UnregisterCause cause)
            {
                Registrar.this.bound.remove(extension);
                outbox.add(() -> notifyUnregistered(extension, cause));
            }
        });
    }

    /**
     * HA1 of a password, what {@link #credentials(String, String)} takes: {@code MD5(extension:realm:password)} in
     * lower-case hex, as {@code printf '1001:dialer:secret' | md5sum} prints it.
     *
     * @param extension the extension (digest user name).
     * @param realm     the registrar's realm ({@link #realm()}).
     * @param password  the password.
     * @return 32 hex digits.
     */
    public static String ha1(final String extension, final String realm, final String password)
    {
        return Digest.ha1(extension, realm, password);
    }

    /**
     * The digest realm phones are challenged with; HA1 values must be computed for it.
     *
     * @return the realm.
     */
    public String realm()
    {
        return realm;
    }

    /**
     * Sets who is told when extensions register and unregister; replaces the previous one. Events of changes before
     * this call are not replayed: read {@link #registered(String)} after setting it.
     *
     * @param listener the listener, or null for none.
     * @return this.
     */
    public Registrar listener(final RegistrationListener listener)
    {
        this.listener = listener;
        return this;
    }

    /**
     * Adds an extension's credentials, or changes them. A different HA1 ends the extension's binding at once
     * ({@link UnregisterCause#CREDENTIALS_CHANGED}): its phone must register again with the new password. Setting the
     * same HA1 again changes nothing. The listener may be called on this thread before it returns.
     *
     * @param extension the extension: 1 to 64 letters, digits or {@code _ . ~ + -}.
     * @param ha1       {@code MD5(extension:realm:password)}, 32 hex digits, for this registrar's {@link #realm()}.
     * @return this.
     * @throws IllegalArgumentException when the extension or the HA1 is malformed.
     */
    public Registrar credentials(final String extension, final String ha1)
    {
        synchronized (lock)
        {
            registrations.credentials(extension, ha1);
        }
        deliver();
        return this;
    }

    /**
     * Removes an extension's credentials: it can no longer register, and its binding ends at once
     * ({@link UnregisterCause#CREDENTIALS_REMOVED}). The listener may be called on this thread before it returns.
     *
     * @param extension the extension.
     * @return true when it had credentials.
     */
    public boolean removeCredentials(final String extension)
    {
        final boolean removed;
        synchronized (lock)
        {
            removed = registrations.removeCredentials(extension);
        }
        deliver();
        return removed;
    }

    /**
     * The Contact URI to dial an extension at now, as its phone registered it (e.g.
     * {@code sip:1001@192.168.1.20:5062;transport=udp}). Dial it with {@link DialRequest#direct(boolean)}: it is not
     * behind the trunk. Takes no lock.
     *
     * @param extension the extension.
     * @return the URI, or null when the extension is not registered (or its binding expired by the clock).
     */
    public String contact(final String extension)
    {
        final Bound binding = bound.get(extension);
        return null != binding && binding.expiresAtMs > clock.time() ? binding.contact : null;
    }

    /**
     * Whether an extension is registered now; same as {@code contact(extension) != null}.
     *
     * @param extension the extension.
     * @return true when it has a binding that has not expired.
     */
    public boolean registered(final String extension)
    {
        return null != contact(extension);
    }

    /**
     * Decides on a REGISTER read by the glue; called on a JAIN-SIP thread.
     *
     * @param request the request.
     * @return the response to send.
     */
    RegisterOutcome register(final RegisterRequest request)
    {
        final RegisterOutcome outcome;
        synchronized (lock)
        {
            outcome = registrations.register(request, clock.time());
        }
        deliver();
        return outcome;
    }

    /**
     * Ends the bindings whose interval has run out; on the stack's timer.
     */
    void expire()
    {
        synchronized (lock)
        {
            registrations.expire(clock.time());
        }
        deliver();
    }

    /**
     * Delivers queued listener calls outside the lock: the first thread to find the outbox idle delivers them all,
     * one at a time, in order; others leave theirs to it.
     */
    private void deliver()
    {
        while (true)
        {
            final Runnable event;
            synchronized (lock)
            {
                if (delivering || outbox.isEmpty())
                {
                    return;
                }
                delivering = true;
                event = outbox.poll();
            }
            try
            {
                event.run();
            }
            finally
            {
                synchronized (lock)
                {
                    delivering = false;
                }
            }
        }
    }

    private void notifyRegistered(final String extension, final String contact)
    {
        final RegistrationListener l = listener;
        LOGGER.info("extension {} registered at {}", extension, contact);
        if (null != l)
        {
            try
            {
                l.onRegistered(extension, contact);
            }
            catch (final RuntimeException ex)
            {
                LOGGER.warn("registration listener failed for {}", extension, ex);
            }
        }
    }

    private void notifyUnregistered(final String extension, final UnregisterCause cause)
    {
        final RegistrationListener l = listener;
        LOGGER.info("extension {} unregistered: {}", extension, cause);
        if (null != l)
        {
            try
            {
                l.onUnregistered(extension, cause);
            }
            catch (final RuntimeException ex)
            {
                LOGGER.warn("registration listener failed for {}", extension, ex);
            }
        }
    }

    private record Bound(String contact, long expiresAtMs)
    {
    }

    /**
     * The registrar's settings, each with its {@code *_PROP_NAME} system property and {@code *_DEFAULT}; checked by
     * {@link #conclude()}.
     */
    public static final class Context
    {
        /** Digest realm; default the stack's host (its bind address). */
        public static final String REALM_PROP_NAME = "dialer.sip.registrar.realm";
        /** Shortest interval granted; a shorter non-zero one is answered 423 with Min-Expires. */
        public static final String MIN_EXPIRES_S_PROP_NAME = "dialer.sip.registrar.minExpiresS";
        /** Default shortest interval: 60 s, as RFC 3261 recommends. */
        public static final long MIN_EXPIRES_S_DEFAULT = 60;
        /** Longest interval granted; a longer one is capped to it. */
        public static final String MAX_EXPIRES_S_PROP_NAME = "dialer.sip.registrar.maxExpiresS";
        /** Default longest interval: 1 h. */
        public static final long MAX_EXPIRES_S_DEFAULT = 3_600;
        /** Interval of a REGISTER that names none. */
        public static final String DEFAULT_EXPIRES_S_PROP_NAME = "dialer.sip.registrar.defaultExpiresS";
        /** Default interval when none is asked: 1 h (RFC 3261's suggestion). */
        public static final long DEFAULT_EXPIRES_S_DEFAULT = 3_600;
        /** How long a nonce is good for; an older one with a right digest is answered 401 {@code stale=true}. */
        public static final String NONCE_LIFETIME_MS_PROP_NAME = "dialer.sip.registrar.nonceLifetimeMs";
        /** Default nonce lifetime: 5 minutes. */
        public static final long NONCE_LIFETIME_MS_DEFAULT = 300_000;
        /** Longest nonce lifetime allowed. */
        public static final long NONCE_LIFETIME_MS_MAX = 3_600_000;
        /** Failures from one source address, within the window, after which it is refused with 403. */
        public static final String MAX_FAILURES_PROP_NAME = "dialer.sip.registrar.maxFailures";
        /** Default failures allowed: 5. */
        public static final int MAX_FAILURES_DEFAULT = 5;
        /** The window failures are counted in, from a source's first failure. */
        public static final String FAILURE_WINDOW_MS_PROP_NAME = "dialer.sip.registrar.failureWindowMs";
        /** Default failure window: 5 minutes. */
        public static final long FAILURE_WINDOW_MS_DEFAULT = 300_000;
        /** How many sources with failures are remembered (least recently seen forgotten first): bounded memory. */
        public static final String SOURCES_TRACKED_PROP_NAME = "dialer.sip.registrar.sourcesTracked";
        /** Default sources remembered: 4096. */
        public static final int SOURCES_TRACKED_DEFAULT = 4_096;
        /** How often the stack's timer ends expired bindings (and tells the listener). */
        public static final String EXPIRY_CHECK_INTERVAL_MS_PROP_NAME = "dialer.sip.registrar.expiryCheckIntervalMs";
        /** Default expiry check: every second. */
        public static final long EXPIRY_CHECK_INTERVAL_MS_DEFAULT = 1_000;

        private boolean concluded;
        private String realm = System.getProperty(REALM_PROP_NAME);
        private long minExpiresS = Long.getLong(MIN_EXPIRES_S_PROP_NAME, MIN_EXPIRES_S_DEFAULT);
        private long maxExpiresS = Long.getLong(MAX_EXPIRES_S_PROP_NAME, MAX_EXPIRES_S_DEFAULT);
        private long defaultExpiresS = Long.getLong(DEFAULT_EXPIRES_S_PROP_NAME, DEFAULT_EXPIRES_S_DEFAULT);
        private long nonceLifetimeMs = Long.getLong(NONCE_LIFETIME_MS_PROP_NAME, NONCE_LIFETIME_MS_DEFAULT);
        private int maxFailures = Integer.getInteger(MAX_FAILURES_PROP_NAME, MAX_FAILURES_DEFAULT);
        private long failureWindowMs = Long.getLong(FAILURE_WINDOW_MS_PROP_NAME, FAILURE_WINDOW_MS_DEFAULT);
        private int sourcesTracked = Integer.getInteger(SOURCES_TRACKED_PROP_NAME, SOURCES_TRACKED_DEFAULT);
        private long expiryCheckIntervalMs =
            Long.getLong(EXPIRY_CHECK_INTERVAL_MS_PROP_NAME, EXPIRY_CHECK_INTERVAL_MS_DEFAULT);
        private EpochClock epochClock = SystemEpochClock.INSTANCE;

        /**
         * The digest realm. Every HA1 depends on it: changing it invalidates them all.
         *
         * @param realm the realm, or null for the stack's host.
         * @return this.
         */
        public Context realm(final String realm)
        {
            this.realm = realm;
            return this;
        }

        /**
         * The digest realm.
         *
         * @return the realm, or null for the stack's host.
         */
        public String realm()
        {
            return realm;
        }

        /**
         * Shortest registration interval granted.
         *
         * @param seconds 1 to 3600.
         * @return this.
         */
        public Context minExpiresS(final long seconds)
        {
            this.minExpiresS = seconds;
            return this;
        }

        /**
         * Shortest registration interval granted.
         *
         * @return seconds.
         */
        public long minExpiresS()
        {
            return minExpiresS;
        }

        /**
         * Longest registration interval granted; longer requests are capped.
         *
         * @param seconds at least the minimum.
         * @return this.
         */
        public Context maxExpiresS(final long seconds)
        {
            this.maxExpiresS = seconds;
            return this;
        }

        /**
         * Longest registration interval granted.
         *
         * @return seconds.
         */
        public long maxExpiresS()
        {
            return maxExpiresS;
        }

        /**
         * Interval of a REGISTER that names none (no Expires header, no {@code expires} parameter).
         *
         * @param seconds from the minimum to the maximum.
         * @return this.
         */
        public Context defaultExpiresS(final long seconds)
        {
            this.defaultExpiresS = seconds;
            return this;
        }

        /**
         * Interval of a REGISTER that names none.
         *
         * @return seconds.
         */
        public long defaultExpiresS()
        {
            return defaultExpiresS;
        }

        /**
         * How long a nonce is good for.
         *
         * @param ms 1 s to 1 h.
         * @return this.
         */
        public Context nonceLifetimeMs(final long ms)
        {
            this.nonceLifetimeMs = ms;
            return this;
        }

        /**
         * How long a nonce is good for.
         *
         * @return milliseconds.
         */
        public long nonceLifetimeMs()
        {
            return nonceLifetimeMs;
        }

        /**
         * Failures from one source within the window after which it is refused.
         *
         * @param count at least 1.
         * @return this.
         */
        public Context maxFailures(final int count)
        {
            this.maxFailures = count;
            return this;
        }

        /**
         * Failures allowed per source and window.
         *
         * @return the count.
         */
        public int maxFailures()
        {
            return maxFailures;
        }

        /**
         * The window failures are counted in, from a source's first failure; a refused source is refused until it
         * ends.
         *
         * @param ms more than 0.
         * @return this.
         */
        public Context failureWindowMs(final long ms)
        {
            this.failureWindowMs = ms;
            return this;
        }

        /**
         * The failure window.
         *
         * @return milliseconds.
         */
        public long failureWindowMs()
        {
            return failureWindowMs;
        }

        /**
         * How many sources with failures are remembered.
         *
         * @param count at least 1.
         * @return this.
         */
        public Context sourcesTracked(final int count)
        {
            this.sourcesTracked = count;
            return this;
        }

        /**
         * How many sources with failures are remembered.
         *
         * @return the count.
         */
        public int sourcesTracked()
        {
            return sourcesTracked;
        }

        /**
         * How often expired bindings are ended and reported; {@link Registrar#contact(String)} reads the clock
         * itself, so it never returns an expired binding meanwhile.
         *
         * @param ms more than 0.
         * @return this.
         */
        public Context expiryCheckIntervalMs(final long ms)
        {
            this.expiryCheckIntervalMs = ms;
            return this;
        }

        /**
         * How often expired bindings are ended.
         *
         * @return milliseconds.
         */
        public long expiryCheckIntervalMs()
        {
            return expiryCheckIntervalMs;
        }

        /**
         * The clock bindings and nonces are timed by.
         *
         * @param clock epoch milliseconds.
         * @return this.
         */
        public Context epochClock(final EpochClock clock)
        {
            this.epochClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The clock.
         *
         * @return the clock.
         */
        public EpochClock epochClock()
        {
            return epochClock;
        }

        /**
         * Checks the settings. Called by {@link SipStack#launch(SipStack.Context)}.
         *
         * @return this.
         * @throws IllegalStateException when a setting is out of range.
         */
        public Context conclude()
        {
            if (concluded)
            {
                return this;
            }
            if (null != realm && (realm.isEmpty() || realm.indexOf('"') >= 0 || realm.indexOf('\\') >= 0))
            {
                throw new IllegalStateException("realm must be non-empty text without quotes or backslashes: " +
                    realm);
            }
            if (minExpiresS < 1 || minExpiresS > 3_600)
            {
                throw new IllegalStateException("minExpiresS must be from 1 to 3600: " + minExpiresS);
            }
            if (maxExpiresS < minExpiresS)
            {
                throw new IllegalStateException("maxExpiresS " + maxExpiresS + " is below minExpiresS " +
                    minExpiresS);
            }
            if (defaultExpiresS < minExpiresS || defaultExpiresS > maxExpiresS)
            {
                throw new IllegalStateException("defaultExpiresS must be from minExpiresS " + minExpiresS +
                    " to maxExpiresS " + maxExpiresS + ": " + defaultExpiresS);
            }
            if (nonceLifetimeMs < 1_000 || nonceLifetimeMs > NONCE_LIFETIME_MS_MAX)
            {
                throw new IllegalStateException("nonceLifetimeMs must be from 1 s to 1 h: " + nonceLifetimeMs);
            }
            if (maxFailures < 1)
            {
                throw new IllegalStateException("maxFailures must be >= 1: " + maxFailures);
            }
            if (failureWindowMs <= 0)
            {
                throw new IllegalStateException("failureWindowMs must be > 0: " + failureWindowMs);
            }
            if (sourcesTracked < 1)
            {
                throw new IllegalStateException("sourcesTracked must be >= 1: " + sourcesTracked);
            }
            if (expiryCheckIntervalMs <= 0)
            {
                throw new IllegalStateException("expiryCheckIntervalMs must be > 0: " + expiryCheckIntervalMs);
            }
            concluded = true;
            return this;
        }
    }
}
