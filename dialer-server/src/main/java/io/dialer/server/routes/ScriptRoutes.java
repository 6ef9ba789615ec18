/*
 * Dialer server routes.
 */
package io.dialer.server.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.check.DryRun;
import io.dialer.core.check.DryRunLine;
import io.dialer.core.check.FileCheck;
import io.dialer.core.check.FileChecker;
import io.dialer.core.check.FileKind;
import io.dialer.core.check.ScriptKind;
import io.dialer.qualification.CompileResult;
import io.dialer.qualification.Outcome;
import io.dialer.qualification.Script;
import io.dialer.qualification.ScriptCompiler;
import io.dialer.qualification.ValidationError;
import io.dialer.server.ApiException;
import io.dialer.server.ApiRouter;
import io.dialer.server.ApiRoutes;
import io.dialer.server.DialerServer;
import io.dialer.server.Json;
import io.dialer.server.JsonBody;
import io.dialer.server.Principal;
import io.dialer.server.Role;
import io.dialer.server.storage.Upload;
import io.dialer.server.storage.UploadKind;
import io.dialer.server.storage.UploadStore;
import io.javalin.http.Context;

/**
 * Qualification scripts (YAML), for managers and admins: upload (compiled with {@code ScriptCompiler}; each error
 * {@code file:line:col: message} a 422 detail, nothing kept), list, get with its source, download, delete (409 while
 * in use), and a dry run: the conversation {@code dialer dry-run} plays, for given lead fields and keys, as JSON.
 * An uploaded script cannot name list files ({@code lists: {x: {file: …}}}): the server would read them from its
 * own disk; their values go in the script.
 */
public final class ScriptRoutes implements ApiRoutes
{
    private static final int MAX_KEYS = 500;
    private static final int MAX_KEY_LENGTH = 100;
    private static final long MAX_PROMPT_MS = 600_000;

    private DialerServer server;
    private UploadStore store;

    /**
     * {@inheritDoc}
     */
    public void register(final ApiRouter router)
    {
        this.server = router.server();
        this.store = server.storage().uploads(UploadKind.SCRIPT);
        router.get("/api/scripts", (ctx) -> Uploads.list(ctx, store, "scripts"), Role.ADMIN, Role.MANAGER);
        router.post("/api/scripts", this::upload, Role.ADMIN, Role.MANAGER);
        router.get("/api/scripts/{id}", this::get, Role.ADMIN, Role.MANAGER);
        router.get("/api/scripts/{id}/file", this::download, Role.ADMIN, Role.MANAGER);
        router.delete("/api/scripts/{id}", (ctx) -> Uploads.delete(ctx, server, UploadKind.SCRIPT),
            Role.ADMIN, Role.MANAGER);
        router.post("/api/scripts/{id}/dry-run", this::dryRun, Role.ADMIN, Role.MANAGER);
    }

    private void upload(final Context ctx) throws IOException
    {
        final Principal principal = Principal.required(ctx);
        final String name = Uploads.fileName(ctx, UploadKind.SCRIPT.fileName());
        try (UploadStore.Staging staging = store.stage())
        {
            final Uploads.Received received = Uploads.receive(ctx, staging.file(), server.context().maxYamlBytes(),
                Uploads.YAML_TYPES);
            final UploadedScript kind = new UploadedScript();
            final FileCheck check = FileChecker.check(staging.file(), name, kind);
            if (!check.isValid())
            {
                throw ApiException.unprocessable("the script is not valid", Uploads.details(check));
            }
            final Script script = kind.result.script();
            final ObjectNode meta = Uploads.meta(server, principal, name, received);
            meta.put("scriptName", script.name());
            meta.put("questions", script.questionCount());
            final ArrayNode fields = meta.putArray("leadFields");
            for (int i = 0; i < script.leadFieldCount(); i++)
            {
                fields.add(script.leadField(i));
            }
            final ArrayNode outcomes = meta.putArray("outcomes");
            for (int i = 0; i < script.outcomeCount(); i++)
            {
                final Outcome outcome = script.outcome(i);
                final ObjectNode node = outcomes.addObject();
                node.put("id", outcome.id());
                node.put("kind", outcome.kind().name().toLowerCase(Locale.ROOT));
                node.put("skill", outcome.skill());
            }
            final Upload upload = store.commit(staging, meta);
            final ObjectNode json = upload.meta();
            json.set("check", Uploads.check(check));
            Json.write(ctx, 201, json);
        }
    }

    private void get(final Context ctx) throws IOException
    {
        final Upload upload = Uploads.find(ctx, store);
        final ObjectNode json = upload.meta();
        json.put("source", Files.readString(upload.file(), StandardCharsets.UTF_8));
        Json.write(ctx, 200, json);
    }

    private void download(final Context ctx)
    {
        final Upload upload = Uploads.find(ctx, store);
        Uploads.download(ctx, upload.file(), upload.name(), "application/yaml; charset=utf-8");
    }

    private void dryRun(final Context ctx) throws IOException
    {
        final Upload upload = Uploads.find(ctx, store);
        final JsonBody body = Json.body(ctx);
        final Map<String, String> lead = body.optionalTextMap("lead");
        final List<String> keys = body.optionalTextList("keys");
        final long promptMs = body.optionalLong("promptMs", DryRun.PROMPT_MS_DEFAULT, 0, MAX_PROMPT_MS);
        if (keys.size() > MAX_KEYS || keys.stream().anyMatch((key) -> key.length() > MAX_KEY_LENGTH))
        {
            body.invalid("keys", "at most " + MAX_KEYS + " answers of at most " + MAX_KEY_LENGTH + " characters");
        }
        body.done();
        final CompileResult result = ScriptCompiler.compile(upload.name(),
            Files.readString(upload.file(), StandardCharsets.UTF_8), upload.file().getParent());
        if (!result.isValid())
        {
            throw ApiException.conflict("the stored script no longer compiles: " + result.errors().get(0));
        }
        final DryRun run = DryRun.play(result.script(), lead, keys, promptMs);
        final ObjectNode json = Json.object();
        json.put("scriptId", upload.id());
        final ArrayNode notes = json.putArray("notes");
        final ArrayNode transcript = json.putArray("transcript");
        run.notes().forEach(notes::add);
        run.notes().forEach(transcript::add);
        final ArrayNode lines = json.putArray("lines");
        for (final DryRunLine line : run.lines())
        {
            final ObjectNode node = lines.addObject();
            node.put("atMs", line.atMs());
            node.put("time", line.time());
            node.put("kind", line.kind().name().toLowerCase(Locale.ROOT));
            node.put("text", line.text());
            transcript.add(line.toString());
        }
        json.put("outcome", null == run.outcome() ? null : run.outcome().toLowerCase(Locale.ROOT));
        Json.write(ctx, 200, json);
    }

    /**
     * A script upload: no list files ({@link ListFiles}), then the script kind's check; keeps the compiled
     * script for the metadata.
     */
    private static final class UploadedScript implements FileKind
    {
        private final ScriptKind script = new ScriptKind();
        private CompileResult result;

        public String name()
        {
            return script.name();
        }

        public boolean needsContent()
        {
            return true;
        }

        public boolean accepts(final Path file, final String content)
        {
            return true;
        }

        public FileCheck check(final Path file, final String name, final String content)
        {
            final List<ValidationError> listFiles = ListFiles.named(name, content);
            if (!listFiles.isEmpty())
            {
                return FileCheck.of(name, name(), listFiles);
            }
            result = script.compile(file, name, content);
            return FileCheck.of(name, name(), result.errors());
        }
    }
}
