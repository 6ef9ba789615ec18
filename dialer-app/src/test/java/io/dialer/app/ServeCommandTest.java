/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeCommandTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldCreateTheFirstAdminWithThePasswordFromStandardInput() throws Exception
    {
        final Path data = dir.resolve("data");

        assertEquals(0, run(stdin("first-admin-password\n"), "serve", "--init", "--data", data.toString(),
            "--admin", "root"), err.toString());

        assertTrue(out.toString().startsWith("created the admin 'root' in "), out.toString());
        final String users = Files.readString(data.resolve("users.json"));
        assertTrue(users.contains("\"name\" : \"root\"") && users.contains("$argon2id$"), users);
        assertFalse(users.contains("first-admin-password"));
        out.getBuffer().setLength(0);
        assertEquals(1, run(stdin("another-password-1\n"), "serve", "--init", "--data", data.toString(),
            "--admin", "two"));
        assertTrue(err.toString().contains("has users already"), err.toString());
    }

    @Test
    void shouldRefuseAShortOrMissingPasswordAndAMissingAdminName()
    {
        final Path data = dir.resolve("data");

        assertEquals(1, run(stdin("short\n"), "serve", "--init", "--data", data.toString(), "--admin", "root"));
        assertTrue(err.toString().contains("at least 12 characters; nothing created"), err.toString());
        assertEquals(1, run(stdin(""), "serve", "--init", "--data", data.toString(), "--admin", "root"));
        assertEquals(1, run(stdin("long-enough-password\n"), "serve", "--init", "--data", data.toString()));
        assertFalse(Files.exists(data.resolve("users.json")));
    }

    @Test
    void shouldRefuseToServeADataDirectoryWithoutUsersAndSayHowToInit()
    {
        final int exitCode = run(stdin(""), "serve", "--data", dir.resolve("empty").toString(), "--port", "0",
            "--sip-port", "0");

        assertEquals(1, exitCode);
        assertTrue(err.toString().contains("no users in ") &&
            err.toString().contains("create the first admin with 'dialer serve --init --data "), err.toString());
    }

    @Test
    void shouldServeUntilStoppedAndPrintItsUrl() throws Exception
    {
        final Path data = dir.resolve("data");
        assertEquals(0, run(stdin("first-admin-password\n"), "serve", "--init", "--data", data.toString(),
            "--admin", "root"));
        out.getBuffer().setLength(0);
        final ServeCommand serve = new ServeCommand();
        final CommandLine commandLine = new CommandLine(serve).setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true));

        final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
            commandLine.execute("--data", data.toString(), "--port", "0", "--sip-port", "0"));
        while (null == serve.running() && !exit.isDone())
        {
            Thread.onSpinWait();
        }
        final String url = "http://127.0.0.1:" + serve.running().port() + "/";
        final HttpResponse<String> page = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        serve.stop();

        assertEquals(0, exit.get(30, TimeUnit.SECONDS), err.toString());
        assertTrue(out.toString().startsWith("dialer serving " + url), out.toString());
        assertTrue(out.toString().endsWith("dialer stopped\n"), out.toString());
    }

    private int run(final InputStream stdin, final String... args)
    {
        final DialerMain main = new DialerMain();
        final CommandLine commandLine = new CommandLine(main).setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true));
        final InputStream saved = System.in;
        System.setIn(stdin);
        try
        {
            return commandLine.execute(args);
        }
        finally
        {
            System.setIn(saved);
        }
    }

    private static InputStream stdin(final String text)
    {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
