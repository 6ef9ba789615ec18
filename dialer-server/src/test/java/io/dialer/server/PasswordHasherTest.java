/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.util.concurrent.TimeUnit;

import io.dialer.server.auth.PasswordHasher;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest
{
    @Test
    void shouldHashWithArgon2idAndTheDefaultParametersAndCheck()
    {
        final PasswordHasher hasher = new PasswordHasher();
        hasher.hash("warm up the JIT a little");
        final long started = System.nanoTime();

        final String hash = hasher.hash("a long enough password");

        final long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("one Argon2id hash (m=%d KiB, t=%d, p=%d): %d ms%n", PasswordHasher.MEMORY_KIB_DEFAULT,
            PasswordHasher.ITERATIONS_DEFAULT, PasswordHasher.PARALLELISM_DEFAULT, ms);
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("a long enough password", hash));
        assertFalse(hasher.verify("a long enough passworD", hash));
        assertFalse(hasher.verify("anything", null));
        assertTrue(TestServer.HASHER.verify("a long enough password", hash), "a hash carries its own parameters");
    }

    @Test
    void shouldSayWhatIsWrongWithAPassword()
    {
        assertEquals("a password needs at least 12 characters", PasswordHasher.problem("short"));
        assertEquals("a password cannot be only spaces", PasswordHasher.problem(" ".repeat(12)));
        assertEquals("a password has at most 256 characters", PasswordHasher.problem("x".repeat(257)));
        assertEquals(null, PasswordHasher.problem("twelve chars"));
    }
}
