/*
 * Server authentication.
 */
package io.dialer.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Hashes and checks passwords with Argon2id (password4j), in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so each hash carries its own parameters: raising them later
 * needs no migration. The defaults are OWASP's first recommended Argon2id configuration (19 MiB, 2 passes, 1 lane),
 * with a 16-byte random salt and a 32-byte hash.
 */
public final class PasswordHasher
{
    /**
     * Memory per hash in KiB.
     */
    public static final int MEMORY_KIB_DEFAULT = 19_456;

    /**
     * Passes over the memory.
     */
    public static final int ITERATIONS_DEFAULT = 2;

    /**
     * Lanes.
     */
    public static final int PARALLELISM_DEFAULT = 1;

    /**
     * The shortest password accepted.
     */
    public static final int MIN_LENGTH = 12;

    /**
     * The longest password accepted (hashing cost is bounded).
     */
    public static final int MAX_LENGTH = 256;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function function;
    private final String dummy;

    /**
     * A hasher with parameters.
     *
     * @param memoryKiB   memory per hash in KiB.
     * @param iterations  passes.
     * @param parallelism lanes.
     */
    public PasswordHasher(final int memoryKiB, final int iterations, final int parallelism)
    {
        this.function = Argon2Function.getInstance(memoryKiB, iterations, parallelism, HASH_BYTES, Argon2.ID);
        this.dummy = hash("not a password of anyone's");
    }

    /**
     * A hasher with the defaults.
     */
    public PasswordHasher()
    {
        this(MEMORY_KIB_DEFAULT, ITERATIONS_DEFAULT, PARALLELISM_DEFAULT);
    }

    /**
     * Hashes a password with a new random salt.
     *
     * @param password the password.
     * @return the PHC string.
     */
    public String hash(final CharSequence password)
    {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    /**
     * Whether a password matches a hash (with the hash's own parameters).
     *
     * @param password the password.
     * @param hash     the PHC string, or null to spend the same time and answer false (an unknown user).
     * @return true when it matches.
     */
    public boolean verify(final CharSequence password, final String hash)
    {
        final String against = null == hash ? dummy : hash;
        boolean matches;
        try
        {
            matches = Argon2Function.getInstanceFromHash(against).check(password, against);
        }
        catch (final RuntimeException ex)
        {
            matches = false;
        }
        return null != hash && matches;
    }

    /**
     * What is wrong with a new password, if anything.
     *
     * @param password the password.
     * @return the problem, or null when it is acceptable.
     */
    public static String problem(final String password)
    {
        if (null == password || password.length() < MIN_LENGTH)
        {
            return "a password needs at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > MAX_LENGTH)
        {
            return "a password has at most " + MAX_LENGTH + " characters";
        }
        if (password.isBlank())
        {
            return "a password cannot be only spaces";
        }
        return null;
    }
}
