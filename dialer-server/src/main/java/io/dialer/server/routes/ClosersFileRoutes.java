/*
 * Dialer server routes.
 */
package io.dialer.server.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.campaign.Closer;
import io.dialer.core.campaign.ClosersFile;
import io.dialer.core.check.ClosersKind;
import io.dialer.core.check.FileCheck;
import io.dialer.core.check.FileChecker;
import io.dialer.server.ApiException;
import io.dialer.server.ApiRouter;
import io.dialer.server.ApiRoutes;
import io.dialer.server.DialerServer;
import io.dialer.server.Json;
import io.dialer.server.Principal;
import io.dialer.server.Role;
import io.dialer.server.storage.Upload;
import io.dialer.server.storage.UploadKind;
import io.dialer.server.storage.UploadStore;
import io.javalin.http.Context;

/**
 * Closers files (YAML), for managers and admins: upload (checked as {@code dialer validate} checks a closers file;
 * each error {@code file:line:col: message} a 422 detail, nothing kept), list, get (with its closers), download as
 * uploaded, delete (409 while in use).
 */
public final class ClosersFileRoutes implements ApiRoutes
{
    private DialerServer server;
    private UploadStore store;

    /**
     * {@inheritDoc}
     */
    public void register(final ApiRouter router)
    {
        this.server = router.server();
        this.store = server.storage().uploads(UploadKind.CLOSERS_FILE);
        router.get("/api/closers-files", (ctx) -> Uploads.list(ctx, store, "closersFiles"),
            Role.ADMIN, Role.MANAGER);
        router.post("/api/closers-files", this::upload, Role.ADMIN, Role.MANAGER);
        router.get("/api/closers-files/{id}", (ctx) -> Json.write(ctx, 200, Uploads.find(ctx, store).meta()),
            Role.ADMIN, Role.MANAGER);
        router.get("/api/closers-files/{id}/file", this::download, Role.ADMIN, Role.MANAGER);
        router.delete("/api/closers-files/{id}", (ctx) -> Uploads.delete(ctx, server, UploadKind.CLOSERS_FILE),
            Role.ADMIN, Role.MANAGER);
    }

    private void upload(final Context ctx) throws IOException
    {
        final Principal principal = Principal.required(ctx);
        final String name = Uploads.fileName(ctx, UploadKind.CLOSERS_FILE.fileName());
        try (UploadStore.Staging staging = store.stage())
        {
            final Uploads.Received received = Uploads.receive(ctx, staging.file(), server.context().maxYamlBytes(),
                Uploads.YAML_TYPES);
            final FileCheck check = FileChecker.check(staging.file(), name, new ClosersKind());
            if (!check.isValid())
            {
                throw ApiException.unprocessable("the closers file is not valid", Uploads.details(check));
            }
            final ClosersFile closers = ClosersFile.read(name,
                Files.readString(staging.file(), StandardCharsets.UTF_8));
            final ObjectNode meta = Uploads.meta(server, principal, name, received);
            final ArrayNode list = meta.putArray("closers");
            for (final Closer closer : closers.closers())
            {
                final ObjectNode node = list.addObject();
                node.put("id", closer.id());
                node.put("name", closer.name());
                node.put("uri", closer.uri());
                final ArrayNode skills = node.putArray("skills");
                closer.skills().forEach(skills::add);
            }
            final Upload upload = store.commit(staging, meta);
            final ObjectNode json = upload.meta();
            json.set("check", Uploads.check(check));
            Json.write(ctx, 201, json);
        }
    }

    private void download(final Context ctx)
    {
        final Upload upload = Uploads.find(ctx, store);
        Uploads.download(ctx, upload.file(), upload.name(), "application/yaml; charset=utf-8");
    }
}
