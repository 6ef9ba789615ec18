/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldServeHttpsWithASecureHostOnlyCookie() throws Exception
    {
        final Path keystore = dir.resolve("dialer.p12");
        final Path passwordFile = dir.resolve("keystore-password");
        Files.writeString(passwordFile, "keystore-secret\n");
        final Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool")
            .toString(), "-genkeypair", "-alias", "dialer", "-keyalg", "EC", "-groupname", "secp256r1",
            "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
            "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "keystore-secret")
            .redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));

        final KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore))
        {
            trusted.load(in, "keystore-secret".toCharArray());
        }
        final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        final SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
        final HttpClient https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ssl).build();

        try (TestServer test = TestServer.start(dir.resolve("data"), (ctx) -> ctx.tls(keystore, passwordFile), https))
        {
            assertTrue(test.server.url().startsWith("https://"), test.server.url());
            final Response login = test.anonymous().post("/api/session", Map.of("name", TestServer.ADMIN,
                "password", TestServer.PASSWORD));
            assertEquals(200, login.status, login.toString());
            final String cookie = login.header("Set-Cookie");
            assertTrue(cookie.startsWith("__Host-dialer_session=") && cookie.contains("; Secure"), cookie);
            assertEquals("max-age=31536000", login.header("Strict-Transport-Security"));
            assertEquals(200, test.admin().get("/api/session").status);
        }
    }

    @Test
    void shouldRefuseAWrongKeystorePasswordAtStart() throws Exception
    {
        final Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, "wrong\n");
        final IllegalStateException refused = assertThrows(IllegalStateException.class, () ->
            TestServer.context(dir.resolve("data")).tls(dir.resolve("missing.p12"), passwordFile).conclude());
        assertTrue(refused.getMessage().startsWith("cannot open the PKCS12 keystore"), refused.getMessage());
    }
}
