/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dialer.server.routes.OpenApiRoutes;
import io.prometheus.metrics.core.metrics.Counter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebAndMetricsTest
{
    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*");
    private static final Pattern TYPE =
        Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped|info|stateset)");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)" +
        "(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*})? " +
        "(-?[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|\\+Inf|-Inf)( -?[0-9]+)?");

    @TempDir
    Path dir;

    private TestServer test;

    @BeforeEach
    void start()
    {
        test = TestServer.start(dir);
    }

    @AfterEach
    void close()
    {
        test.close();
    }

    @Test
    void shouldServeMetricsInTheTextFormatToTokensAndSessionsOnly()
    {
        final Counter dials = Counter.builder().name("dialer_dials_total").help("dials").labelNames("campaign")
            .register(test.server.registry());
        dials.labelValues("spring \"promo\"").inc(3);
        test.admin().get("/api/lead-lists");

        assertEquals(401, test.anonymous().get("/metrics").status);
        final Response metrics = test.bearer(Role.CLOSER).get("/metrics");
        assertEquals(200, metrics.status);
        assertTrue(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"), metrics.toString());
        assertEquals(200, test.admin().get("/metrics").status);

        final Map<String, String> types = new HashMap<>();
        final Map<String, Double> samples = new HashMap<>();
        for (final String line : metrics.text().split("\n"))
        {
            final Matcher help = HELP.matcher(line);
            final Matcher type = TYPE.matcher(line);
            final Matcher sample = SAMPLE.matcher(line);
            if (type.matches())
            {
                assertFalse(types.containsKey(type.group(1)), "one TYPE per family: " + line);
                types.put(type.group(1), type.group(2));
            }
            else if (sample.matches())
            {
                final String name = sample.group(1);
                assertTrue(types.keySet().stream().anyMatch((family) -> name.equals(family) ||
                    name.startsWith(family + "_")), "a sample of a declared family: " + line);
                samples.put(line.substring(0, line.lastIndexOf(' ')), Double.parseDouble(sample.group(4)
                    .replace("+Inf", "Infinity").replace("-Inf", "-Infinity")));
            }
            else
            {
                assertTrue(help.matches() || line.isEmpty(), "not a line of the text format: " + line);
            }
        }
        assertEquals("counter", types.getOrDefault("dialer_dials", types.get("dialer_dials_total")), types.toString());
        assertEquals(3.0, samples.get("dialer_dials_total{campaign=\"spring \\\"promo\\\"\"}"));
        assertEquals("gauge", types.get("jvm_threads_current"));
        assertEquals("counter", types.getOrDefault("dialer_http_requests", types.get("dialer_http_requests_total")));
        assertNotNull(samples.get("dialer_http_requests_total{method=\"GET\",route=\"/api/lead-lists\"," +
            "status=\"200\"}"), samples.keySet().toString());
    }

    @Test
    void shouldServeTheLoginPageWithAStrictContentSecurityPolicy()
    {
        final Response page = test.anonymous().get("/");

        assertEquals(200, page.status);
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        assertTrue(page.text().contains("<script src=\"/static/login.js\" defer></script>"));
        assertFalse(Pattern.compile("<script(?![^>]*src=)").matcher(page.text()).find(), "no inline script");
        assertFalse(page.text().contains("http://") || page.text().contains("https://"), "nothing from the internet");
        final String csp = page.header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'self'") &&
            !csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("same-origin", page.header("Referrer-Policy"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        final Response script = test.anonymous().get("/static/login.js");
        assertEquals(200, script.status);
        assertTrue(script.text().contains("fetch('/api/session'"));
        assertEquals(404, test.anonymous().get("/static/missing.js").status);
    }

    @Test
    void shouldServeWebJarsFromTheClassPath()
    {
        final Response lib = test.anonymous().get("/webjars/testlib/1.0.0/testlib.js");

        assertEquals(200, lib.status, lib.toString());
        assertTrue(lib.text().contains("testlib"));
        assertEquals("nosniff", lib.header("X-Content-Type-Options"));
    }

    @Test
    void shouldServeEveryPageAndLibraryTheConsolesLoad() throws IOException
    {
        final Pattern reference = Pattern.compile("['\"](/(?:static|webjars)/[^'\"]+)['\"]");
        final Set<String> seen = new TreeSet<>();
        final Deque<String> todo = new ArrayDeque<>(List.of("/", "/manager.html",
            "/closer.html"));
        while (!todo.isEmpty())
        {
            final String path = todo.pop();
            if (!seen.add(path))
            {
                continue;
            }
            final Response response = test.anonymous().get(path);
            assertEquals(200, response.status, path);
            if (path.endsWith(".html") || "/".equals(path) || path.endsWith(".js") && path.startsWith("/static/"))
            {
                final Matcher found = reference.matcher(response.text());
                while (found.find())
                {
                    todo.add(found.group(1));
                }
                final Matcher relative = Pattern.compile("from '\\./([^']+)'").matcher(response.text());
                while (relative.find())
                {
                    final String folder = path.substring(0, path.lastIndexOf('/') + 1);
                    todo.add(URI.create(folder + relative.group(1)).normalize().toString());
                }
                final Matcher parent = Pattern.compile("from '\\.\\./([^']+)'").matcher(response.text());
                while (parent.find())
                {
                    final String folder = path.substring(0, path.lastIndexOf('/', path.lastIndexOf('/') - 1) + 1);
                    todo.add(folder + parent.group(1));
                }
            }
        }
        assertTrue(seen.contains("/static/manager/dashboard.js") && seen.stream().anyMatch((p) ->
            p.startsWith("/webjars/uplot/") && p.endsWith("uPlot.esm.js")), seen.toString());
    }

    @Test
    void shouldServeTheOpenApiFileAsInDocs() throws IOException
    {
        final Response spec = test.anonymous().get("/api/openapi.yaml");

        assertEquals(200, spec.status);
        assertArrayEquals(Files.readAllBytes(Spec.FILE), spec.body);
        assertNotNull(OpenApiRoutes.class.getResource(OpenApiRoutes.RESOURCE));
    }
}
