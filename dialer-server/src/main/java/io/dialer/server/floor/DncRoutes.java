/*
 * Dialer server.
 */
package io.dialer.server.floor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.compliance.DncFileReader;
import io.dialer.core.compliance.DncLoadReport;
import io.dialer.core.compliance.NationalDncList;
import io.dialer.core.engine.ControlResult;
import io.dialer.core.lead.RegionNormaliser;
import io.dialer.server.ApiException;
import io.dialer.server.ApiRouter;
import io.dialer.server.ApiRoutes;
import io.dialer.server.DialerServer;
import io.dialer.server.Json;
import io.dialer.server.JsonBody;
import io.dialer.server.Principal;
import io.dialer.server.Role;
import io.dialer.server.routes.Uploads;
import io.dialer.server.storage.Ids;
import io.javalin.http.Context;
import org.agrona.collections.LongArrayList;
import org.agrona.collections.LongHashSet;

/**
 * The server's do-not-call list, for managers and admins: add a number (at once for every campaign, and kept),
 * check one, take one off (kept across restarts), and a bulk upload (one number per line, read like a do-not-call
 * file; every bad line reported with its number; the good ones written to the list's file before they are blocked, so
 * a crash in between loses none); and the national registry's copy the server checks with it (its file, count,
 * download date and age, and why campaigns cannot start when it is too old).
 */
final class DncRoutes implements ApiRoutes
{
    private static final long WAIT_S = 30;

    private final Floor floor;
    private DialerServer server;

    DncRoutes(final Floor floor)
    {
        this.floor = floor;
    }

    /**
     * {@inheritDoc}
     */
    public void register(final ApiRouter router)
    {
        server = router.server();
        router.post("/api/dnc", this::add, Role.ADMIN, Role.MANAGER);
        router.post("/api/dnc/bulk", this::bulk, Role.ADMIN, Role.MANAGER);
        router.get("/api/dnc/national", this::national, Role.ADMIN, Role.MANAGER);
        router.get("/api/dnc/{number}", this::check, Role.ADMIN, Role.MANAGER);
        router.delete("/api/dnc/{number}", this::remove, Role.ADMIN, Role.MANAGER);
    }

    private void add(final Context ctx) throws Exception
    {
        final Principal who = Principal.required(ctx);
        final JsonBody body = Json.body(ctx);
        final String number = body.text("number");
        final String source = body.optionalText("source");
        body.done();
        final ControlResult result = floor.engine().control()
            .addDoNotCall(number, null == source ? who.userName() : who.userName() + ": " + source)
            .get(WAIT_S, TimeUnit.SECONDS);
        if (!result.applied())
        {
            throw ApiException.unprocessable(result.detail(), java.util.List.of());
        }
        Json.write(ctx, 200, FloorJson.result(result));
    }

    private void national(final Context ctx)
    {
        final NationalDncList national = floor.nationalDnc();
        final ObjectNode json = Json.object().put("loaded", null != national)
            .put("maxAgeDays", NationalDncList.MAX_AGE_DAYS);
        if (null != national)
        {
            json.put("file", String.valueOf(national.file().getFileName())).put("numbers", national.size())
                .put("areaCodes", national.areaCodeCount());
            if (null != national.downloaded())
            {
                json.put("downloaded", national.downloaded().toString()).put("dateSource", national.dateSource())
                    .put("ageDays", ChronoUnit.DAYS.between(national.downloaded(), floor.today()));
            }
        }
        final String problem = floor.nationalDncProblem();
        if (null != problem)
        {
            json.put("problem", problem);
        }
        Json.write(ctx, 200, json);
    }

    private void check(final Context ctx) throws Exception
    {
        final String number = ctx.pathParam("number");
        final ControlResult result = floor.engine().control().checkDoNotCall(number).get(WAIT_S, TimeUnit.SECONDS);
        if (!result.applied() && result.detail().startsWith("not a valid number"))
        {
            throw ApiException.badRequest(result.detail());
        }
        Json.write(ctx, 200, Json.object().put("number", number).put("listed", result.applied())
            .put("detail", result.detail()));
    }

    private void remove(final Context ctx) throws Exception
    {
        final Principal who = Principal.required(ctx);
        final ControlResult result = floor.engine().control().removeDoNotCall(ctx.pathParam("number"),
            who.userName()).get(WAIT_S, TimeUnit.SECONDS);
        if (!result.applied())
        {
            throw result.detail().startsWith("not a valid number") ? ApiException.badRequest(result.detail()) :
                ApiException.notFound(result.detail());
        }
        ctx.status(204);
    }

    private void bulk(final Context ctx) throws Exception
    {
        final Principal who = Principal.required(ctx);
        final String name = Uploads.fileName(ctx, "dnc.txt");
        final Path file = server.storage().root().resolve(".tmp-dnc-" + Ids.next() + ".txt"); // removed at start
        try
        {
            Uploads.receive(ctx, file, server.context().maxLeadListBytes(), Uploads.CSV_TYPES);
            final LongArrayList numbers = new LongArrayList();
            final LongHashSet seen = new LongHashSet();
            final DncLoadReport report = new DncFileReader(new RegionNormaliser(floor.context().region()))
                .read(file, (number) ->
                {
                    if (!seen.add(number))
                    {
                        return false;
                    }
                    numbers.addLong(number);
                    return true;
                });
            if (null != report.fileError())
            {
                throw ApiException.unprocessable(name + ": " + report.fileError(), java.util.List.of());
            }
            final long[] all = numbers.toLongArray();
            floor.doNotCall().persistAll(all, all.length, who.userName() + ": " + name, System.currentTimeMillis());
            final ControlResult result = floor.engine().control().blockNumbers(all, who.userName() + ": " + name)
                .get(WAIT_S, TimeUnit.SECONDS);
            final ArrayNode errors = Json.array();
            for (int i = 0; i < report.errors().size(); i++)
            {
                errors.addObject().put("line", report.errorLine(i)).put("message", report.errorMessage(i));
            }
            Json.write(ctx, 200, Json.object().put("file", name).put("lines", report.lines())
                .put("numbers", all.length).put("duplicates", report.duplicates()).put("badLines",
                report.errorCount()).put("detail", result.detail()).set("errors", errors));
        }
        finally
        {
            Files.deleteIfExists(file);
        }
    }
}
