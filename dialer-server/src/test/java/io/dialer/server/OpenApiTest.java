/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.net.InetAddress;

import io.dialer.server.floor.Floor;
import io.dialer.sip.SipStack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenApiTest
{
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @TempDir
    Path dir;

    @Test
    void shouldDescribeEveryRouteTheServerRegistersAndServeEveryRouteItDescribes() throws IOException
    {
        final SwaggerParseResult parsed = new OpenAPIV3Parser().readLocation(Spec.FILE.toUri().toString(), null,
            null);
        assertEquals(List.of(), parsed.getMessages(), "openapi.yaml parses without a message");
        final OpenAPI api = parsed.getOpenAPI();
        assertNotNull(api);
        final Set<String> described = new TreeSet<>();
        for (final Map.Entry<String, PathItem> path : api.getPaths().entrySet())
        {
            path.getValue().readOperationsMap().keySet().forEach((method) ->
                described.add(method.name() + " " + path.getKey()));
        }

        final Set<String> served = new TreeSet<>();
        try (SipStack stack = SipStack.launch(new SipStack.Context().bindAddress(InetAddress.getLoopbackAddress())
            .port(0).userAgent("dialer"));
            Floor floor = Floor.open(new Floor.Context().dataDir(dir).stacks(stack));
            TestServer test = TestServer.start(dir, (ctx) -> floor.routes().forEach(ctx::addRoutes)))
        {
            for (final String endpoint : test.server.endpoints())
            {
                if (METHODS.contains(endpoint.split(" ", 2)[0]))
                {
                    served.add(endpoint);
                }
            }
        }

        assertEquals(described, served);
    }
}
