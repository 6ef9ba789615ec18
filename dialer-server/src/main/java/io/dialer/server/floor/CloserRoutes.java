/*
 * Dialer server.
 */
package io.dialer.server.floor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.campaign.Closer;
import io.dialer.core.campaign.CloserDestination;
import io.dialer.core.campaign.ClosersFile;
import io.dialer.core.engine.ControlResult;
import io.dialer.core.engine.EngineControl;
import io.dialer.core.engine.LiveState;
import io.dialer.core.engine.Offer;
import io.dialer.server.ApiException;
import io.dialer.server.ApiRouter;
import io.dialer.server.ApiRoutes;
import io.dialer.server.DialerServer;
import io.dialer.server.ErrorDetail;
import io.dialer.server.Json;
import io.dialer.server.JsonBody;
import io.dialer.server.Principal;
import io.dialer.server.Role;
import io.dialer.server.auth.UserStore;
import io.dialer.server.storage.Upload;
import io.dialer.server.storage.UploadKind;
import io.dialer.sip.Registrar;
import io.javalin.http.Context;

/**
 * The closers: managers and admins define them (where each is dialed, its skills) and see the floor; a closer acts
 * on itself only — logs in and out, pauses with a reason, resumes, sees the caller it is offered (the screen pop,
 * also pushed live), accepts or rejects it (as keys 1 and 9 do), ends its wrap-up with a note and a disposition, and
 * reads its counts today.
 */
final class CloserRoutes implements ApiRoutes
{
    /** The dispositions a closer gives a call at wrap-up. */
    static final Set<String> DISPOSITIONS = Set.of("sale", "no-sale", "callback", "not-interested", "other");

    private static final int MAX_NOTE = 2_000;
    private static final long WAIT_S = 10;

    private final Floor floor;
    private DialerServer server;

    CloserRoutes(final Floor floor)
    {
        this.floor = floor;
    }

    /**
     * {@inheritDoc}
     */
    public void register(final ApiRouter router)
    {
        server = router.server();
        router.get("/api/closers", this::list, Role.ADMIN, Role.MANAGER, Role.CLOSER);
        router.post("/api/closers", this::create, Role.ADMIN, Role.MANAGER);
        router.post("/api/closers/import", this::importFile, Role.ADMIN, Role.MANAGER);
        router.get("/api/closers/{id}", this::get, Role.ADMIN, Role.MANAGER, Role.CLOSER);
        router.patch("/api/closers/{id}", this::update, Role.ADMIN, Role.MANAGER);
        router.delete("/api/closers/{id}", this::delete, Role.ADMIN, Role.MANAGER);
        router.post("/api/closers/{id}/login", (ctx) -> presence(ctx, "login"), Role.ADMIN, Role.MANAGER, Role.CLOSER);
        router.post("/api/closers/{id}/logout", (ctx) -> presence(ctx, "logout"), Role.ADMIN, Role.MANAGER,
            Role.CLOSER);
        router.post("/api/closers/{id}/pause", (ctx) -> presence(ctx, "pause"), Role.ADMIN, Role.MANAGER, Role.CLOSER);
        router.post("/api/closers/{id}/resume", (ctx) -> presence(ctx, "resume"), Role.ADMIN, Role.MANAGER,
            Role.CLOSER);
        router.post("/api/closers/{id}/wrap-up", this::wrapUp, Role.ADMIN, Role.MANAGER, Role.CLOSER);
        router.get("/api/closers/{id}/offer", this::offer, Role.ADMIN, Role.MANAGER, Role.CLOSER);
        router.post("/api/closers/{id}/accept", (ctx) -> decide(ctx, true), Role.CLOSER, Role.MANAGER, Role.ADMIN);
        router.post("/api/closers/{id}/reject", (ctx) -> decide(ctx, false), Role.CLOSER, Role.MANAGER, Role.ADMIN);
        router.get("/api/closers/{id}/today", this::today, Role.ADMIN, Role.MANAGER, Role.CLOSER);
        router.sse("/api/closers/{id}/events", (client) ->
        {
            final String id = self(client.ctx());
            floor.live().closer(id, client);
        }, Role.ADMIN, Role.MANAGER, Role.CLOSER);
    }

    private void list(final Context ctx)
    {
        final Principal who = Principal.required(ctx);
        final ArrayNode list = Json.array();
        final LiveState state = floor.engine().control().state();
        for (final Closer closer : floor.closers().list())
        {
            if (Role.CLOSER != who.role() || closer.id().equals(who.closerId()))
            {
                list.add(json(closer, state));
            }
        }
        Json.write(ctx, 200, Json.object().set("closers", list));
    }

    private void get(final Context ctx)
    {
        final String id = self(ctx);
        Json.write(ctx, 200, json(find(id), floor.engine().control().state()));
    }

    private void create(final Context ctx) throws Exception
    {
        final JsonBody body = Json.body(ctx);
        final String id = body.text("id");
        final String name = body.optionalText("name");
        final String destination = body.text("destination");
        final List<String> skills = body.optionalTextList("skills");
        final String password = body.optionalText("sipPassword");
        if (null != id && !UserStore.CLOSER_ID.matcher(id).matches())
        {
            body.invalid("id", "1 to 64 letters, digits or '_', '-', '.', '@'");
        }
        if (skills.isEmpty())
        {
            body.invalid("skills", "at least one skill: a closer without skills never gets a call");
        }
        final CloserDestination where = destination(body, destination, password);
        body.done();
        if (null != floor.closers().find(id))
        {
            throw ApiException.conflict("closer " + id + " exists");
        }
        final Closer closer = new Closer(id, null == name ? id : name, where, skills);
        refuseUnless(floor.engine().control().addCloser(closer));
        floor.closers().put(closer);
        Json.write(ctx, 201, json(closer, floor.engine().control().refresh().get(WAIT_S, TimeUnit.SECONDS)));
    }

    private void update(final Context ctx) throws Exception
    {
        final Closer before = find(ctx.pathParam("id"));
        final JsonBody body = Json.body(ctx);
        final String name = body.optionalText("name");
        final String destination = body.optionalText("destination");
        final List<String> skills = body.has("skills") ? body.optionalTextList("skills") : before.skills();
        final String password = body.optionalText("sipPassword");
        if (skills.isEmpty())
        {
            body.invalid("skills", "at least one skill: a closer without skills never gets a call");
        }
        CloserDestination where = before.destination();
        if (null != destination || null != password)
        {
            final String text = null != destination ? destination : before.destination().toString();
            where = destination(body, text, password);
            if (null == where && null == password && CloserDestination.Kind.EXTENSION == before.destination().kind())
            {
                where = before.destination(); // same extension, same password
            }
        }
        body.done();
        final Closer closer = new Closer(before.id(), null == name ? before.name() : name, where, skills);
        refuseUnless(floor.engine().control().updateCloser(closer));
        floor.closers().put(closer);
        Json.write(ctx, 200, json(closer, floor.engine().control().refresh().get(WAIT_S, TimeUnit.SECONDS)));
    }

    private void delete(final Context ctx) throws Exception
    {
        final Closer closer = find(ctx.pathParam("id"));
        refuseUnless(floor.engine().control().removeCloser(closer.id()));
        floor.closers().remove(closer.id());
        ctx.status(204);
    }

    private void importFile(final Context ctx) throws Exception
    {
        final JsonBody body = Json.body(ctx);
        final String fileId = body.text("closersFile");
        final Upload upload = null == fileId ? null : server.storage().uploads(UploadKind.CLOSERS_FILE).find(fileId);
        if (null != fileId && null == upload)
        {
            body.invalid("closersFile", "no closers file " + fileId);
        }
        body.done();
        final ClosersFile file = ClosersFile.load(upload.file(), floor.context().region());
        if (!file.isValid())
        {
            final List<ErrorDetail> details = new ArrayList<>();
            file.errors().forEach((e) -> details.add(new ErrorDetail(upload.name(), e.line(), e.column(), 0, null,
                e.message())));
            throw ApiException.unprocessable("the closers file is not valid", details);
        }
        int added = 0;
        int updated = 0;
        final ArrayNode refused = Json.array();
        final EngineControl control = floor.engine().control();
        for (final Closer closer : file.closers())
        {
            final boolean exists = null != floor.closers().find(closer.id());
            final ControlResult result = (exists ? control.updateCloser(closer) : control.addCloser(closer))
                .get(WAIT_S, TimeUnit.SECONDS);
            if (result.applied())
            {
                floor.closers().put(closer);
                added += exists ? 0 : 1;
                updated += exists ? 1 : 0;
            }
            else
            {
                refused.addObject().put("id", closer.id()).put("reason", result.detail());
            }
        }
        Json.write(ctx, 200, Json.object().put("added", added).put("updated", updated).set("refused", refused));
    }

    private void presence(final Context ctx, final String action) throws Exception
    {
        final String id = self(ctx);
        find(id);
        String reason = null;
        if ("pause".equals(action))
        {
            final JsonBody body = Json.body(ctx);
            reason = body.optionalText("reason");
            body.done();
        }
        final EngineControl control = floor.engine().control();
        final CompletableFuture<ControlResult> result = switch (action)
        {
            case "login" -> control.closerLogin(id);
            case "logout" -> control.closerLogout(id);
            case "pause" -> control.closerPause(id, null == reason ? "break" : reason);
            default -> control.closerResume(id);
        };
        Json.write(ctx, 200, FloorJson.result(refuseUnless(result)));
    }

    private void wrapUp(final Context ctx) throws Exception
    {
        final Principal who = Principal.required(ctx);
        final String id = self(ctx);
        find(id);
        final JsonBody body = Json.body(ctx);
        final String disposition = body.text("disposition");
        final String note = body.optionalText("note");
        if (null != disposition && !DISPOSITIONS.contains(disposition.toLowerCase(Locale.ROOT)))
        {
            body.invalid("disposition", "one of " + String.join(", ", DISPOSITIONS.stream().sorted().toList()));
        }
        if (null != note && note.length() > MAX_NOTE)
        {
            body.invalid("note", "at most " + MAX_NOTE + " characters");
        }
        body.done();
        final LiveState.CloserView view = floor.engine().control().state().closer(id);
        final long nowMs = System.currentTimeMillis();
        final ObjectNode record = Json.object();
        record.put("at", Json.time(nowMs));
        record.put("closer", id);
        record.put("by", who.userName());
        record.put("campaign", null == view ? "" : view.campaign());
        record.put("callId", null == view || 0 == view.callId() ? "" : Long.toString(view.callId()));
        record.put("disposition", disposition.toLowerCase(Locale.ROOT));
        record.put("note", null == note ? "" : note);
        floor.wrapUps().append(record);
        floor.offers().wrappedUp(id, disposition.toLowerCase(Locale.ROOT), nowMs);
        final ControlResult result = floor.engine().control().closerWrapUpDone(id).get(WAIT_S, TimeUnit.SECONDS);
        Json.write(ctx, 200, FloorJson.result(result).put("saved", true));
    }

    private void offer(final Context ctx)
    {
        final String id = self(ctx);
        final Offer offer = floor.offers().current(id);
        if (null == offer)
        {
            ctx.status(204);
            return;
        }
        Json.write(ctx, 200, OfferHub.toJson(offer));
    }

    private void decide(final Context ctx, final boolean accept) throws Exception
    {
        final String id = self(ctx);
        final EngineControl control = floor.engine().control();
        Json.write(ctx, 200, FloorJson.result(refuseUnless(accept ? control.accept(id) : control.reject(id))));
    }

    private void today(final Context ctx)
    {
        final String id = self(ctx);
        find(id);
        Json.write(ctx, 200, floor.offers().today(id, System.currentTimeMillis()));
    }

    /**
     * The closer a request is about: a closer may only name itself.
     */
    private static String self(final Context ctx)
    {
        final Principal who = Principal.required(ctx);
        final String id = ctx.pathParam("id");
        if (Role.CLOSER == who.role() && !id.equals(who.closerId()))
        {
            throw ApiException.forbidden("a closer acts on its own calls only");
        }
        return id;
    }

    private Closer find(final String id)
    {
        final Closer closer = floor.closers().find(id);
        if (null == closer)
        {
            throw ApiException.notFound("no closer " + id);
        }
        return closer;
    }

    private CloserDestination destination(final JsonBody body, final String text, final String password)
    {
        if (null == text)
        {
            return null;
        }
        final String lower = text.trim().toLowerCase(Locale.ROOT);
        final boolean extension = lower.startsWith("ext:") || lower.startsWith("pbx:");
        String ha1 = null;
        if (extension)
        {
            final Registrar registrar = floor.context().registrar();
            if (null == registrar)
            {
                body.invalid("destination", "this server takes no SIP registrations: give a sip: URI or a number");
                return null;
            }
            if (null == password)
            {
                body.invalid("sipPassword", "required for an extension: its phone registers with it");
                return null;
            }
            if (password.length() < 8)
            {
                body.invalid("sipPassword", "at least 8 characters");
                return null;
            }
            ha1 = Registrar.ha1(text.trim().substring(4), registrar.realm(), password);
        }
        else if (null != password)
        {
            body.invalid("sipPassword", "only an extension has one");
        }
        try
        {
            return CloserStore.destination(text, ha1, floor.context().region());
        }
        catch (final IllegalArgumentException ex)
        {
            body.invalid("destination", ex.getMessage());
            return null;
        }
    }

    private static ControlResult refuseUnless(final CompletableFuture<ControlResult> future) throws Exception
    {
        final ControlResult result = future.get(WAIT_S, TimeUnit.SECONDS);
        if (!result.applied())
        {
            throw ApiException.conflict(result.detail());
        }
        return result;
    }

    private static ObjectNode json(final Closer closer, final LiveState state)
    {
        final ObjectNode json = CloserStore.toJson(closer);
        final LiveState.CloserView view = state.closer(closer.id());
        if (null != view)
        {
            final ObjectNode live = FloorJson.closer(view);
            live.remove("destination");
            json.setAll(live);
        }
        else
        {
            json.put("state", "LOGGED_OUT").put("reason", "").put("phoneState", "").put("campaign", "")
                .put("callId", "");
        }
        return json;
    }
}
