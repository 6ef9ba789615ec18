/*
 * Dialer server routes.
 */
package io.dialer.server.routes;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.check.FileCheck;
import io.dialer.core.check.FileChecker;
import io.dialer.core.check.LeadListKind;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import io.dialer.server.ApiException;
import io.dialer.server.ApiRouter;
import io.dialer.server.ApiRoutes;
import io.dialer.server.DialerServer;
import io.dialer.server.ErrorDetail;
import io.dialer.server.Json;
import io.dialer.server.Principal;
import io.dialer.server.Role;
import io.dialer.server.storage.Upload;
import io.dialer.server.storage.UploadKind;
import io.dialer.server.storage.UploadStore;
import io.javalin.http.Context;

/**
 * Lead lists (CSV), for managers and admins: {@code POST /api/lead-lists?name=&region=} streams the body to the
 * data directory's staging area (never held in memory; 413 beyond the limit, nothing kept), reads it with the lead
 * list reader and answers with {@code dialer validate}'s words (each bad row {@code file:row: reason}, the summary);
 * a list with no lead at all (empty, no phone column, not CSV) is refused with 422 and not kept. Then list, get,
 * download as uploaded, the full report, delete (409 while in use). Lists are read one at a time (a 1,000,000-row
 * list takes ~150 MB of heap while it is read).
 */
public final class LeadListRoutes implements ApiRoutes
{
    /**
     * The full report kept with each lead list: what {@code dialer validate} prints for it.
     */
    public static final String REPORT_FILE = "report.txt";

    private final Semaphore reading = new Semaphore(1, true);
    private DialerServer server;
    private UploadStore store;

    /**
     * {@inheritDoc}
     */
    public void register(final ApiRouter router)
    {
        this.server = router.server();
        this.store = server.storage().uploads(UploadKind.LEAD_LIST);
        router.get("/api/lead-lists", (ctx) -> Uploads.list(ctx, store, "leadLists"), Role.ADMIN, Role.MANAGER);
        router.post("/api/lead-lists", this::upload, Role.ADMIN, Role.MANAGER);
        router.get("/api/lead-lists/{id}", (ctx) -> Json.write(ctx, 200, Uploads.find(ctx, store).meta()),
            Role.ADMIN, Role.MANAGER);
        router.get("/api/lead-lists/{id}/file", this::download, Role.ADMIN, Role.MANAGER);
        router.get("/api/lead-lists/{id}/report", this::report, Role.ADMIN, Role.MANAGER);
        router.delete("/api/lead-lists/{id}", (ctx) -> Uploads.delete(ctx, server, UploadKind.LEAD_LIST),
            Role.ADMIN, Role.MANAGER);
    }

    private void upload(final Context ctx) throws IOException
    {
        final Principal principal = Principal.required(ctx);
        final String name = Uploads.fileName(ctx, UploadKind.LEAD_LIST.fileName());
        final String regionParam = ctx.queryParam("region");
        final String region = null == regionParam ? FileChecker.REGION_DEFAULT :
            regionParam.strip().toUpperCase(Locale.ROOT);
        if (!LeadListReader.isKnownRegion(region))
        {
            throw ApiException.unprocessable("the region is not valid", List.of(
                ErrorDetail.field("region", "'" + regionParam + "' is not a region code (like US, CA, GB)")));
        }
        try (UploadStore.Staging staging = store.stage())
        {
            final Uploads.Received received = Uploads.receive(ctx, staging.file(),
                server.context().maxLeadListBytes(), Uploads.CSV_TYPES);
            final LeadList leads;
            final FileCheck check;
            reading.acquireUninterruptibly();
            try
            {
                leads = new LeadListReader(region).read(staging.file());
                check = new LeadListKind(region).check(leads, name);
            }
            finally
            {
                reading.release();
            }
            if (LeadListKind.isUnusable(leads) || 0 == leads.size())
            {
                final String reason = check.findings().isEmpty() ? "no lead in it" :
                    check.findings().get(0).message();
                throw ApiException.unprocessable("the lead list cannot be used: " + reason,
                    Uploads.details(check));
            }
            try (PrintWriter report = new PrintWriter(Files.newBufferedWriter(staging.file(REPORT_FILE),
                StandardCharsets.UTF_8)))
            {
                check.print(report);
            }
            final ObjectNode meta = Uploads.meta(server, principal, name, received);
            meta.put("region", region);
            meta.put("rows", leads.size() + leads.report().badRows() + leads.report().duplicates());
            meta.put("leads", leads.size());
            meta.put("badRows", leads.report().badRows());
            meta.put("duplicates", leads.report().duplicates());
            meta.put("warnings", leads.report().warnings());
            final ArrayNode fields = meta.putArray("fields");
            leads.fieldNames().forEach(fields::add);
            meta.put("separator", String.valueOf(leads.separator()));
            meta.put("valid", check.isValid());
            meta.put("summary", check.file() + ": " + check.summary());
            final Upload upload = store.commit(staging, meta);
            final ObjectNode json = upload.meta();
            json.set("check", Uploads.check(check));
            Json.write(ctx, 201, json);
        }
    }

    private void download(final Context ctx)
    {
        final Upload upload = Uploads.find(ctx, store);
        Uploads.download(ctx, upload.file(), upload.name(), "text/csv; charset=utf-8");
    }

    private void report(final Context ctx)
    {
        final Upload upload = Uploads.find(ctx, store);
        try
        {
            ctx.contentType("text/plain; charset=utf-8")
                .result(Files.newInputStream(upload.file().resolveSibling(REPORT_FILE)));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
