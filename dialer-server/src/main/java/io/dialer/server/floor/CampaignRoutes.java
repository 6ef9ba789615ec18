/*
 * Dialer server.
 */
package io.dialer.server.floor;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.compliance.E164;
import io.dialer.core.engine.ControlResult;
import io.dialer.core.journal.Journal;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.RegionNormaliser;
import io.dialer.core.report.ReportBuilder;
import io.dialer.core.report.ReportJson;
import io.dialer.server.ApiException;
import io.dialer.server.ApiRouter;
import io.dialer.server.ApiRoutes;
import io.dialer.server.DialerServer;
import io.dialer.server.Json;
import io.dialer.server.JsonBody;
import io.dialer.server.Principal;
import io.dialer.server.Role;
import io.dialer.server.floor.CampaignStore.Campaign;
import io.dialer.server.storage.Upload;
import io.dialer.server.storage.UploadKind;
import io.javalin.http.Context;

/**
 * Campaigns, for managers and admins: made from an uploaded lead list and script plus settings (the campaign file's
 * keys as JSON, checked by the same loader as {@code dialer validate}), started, paused, resumed, drained and stopped;
 * their live numbers, a 15-minute chart, the report at any time, and one number's every attempt.
 */
final class CampaignRoutes implements ApiRoutes
{
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}");
    private static final Set<String> NOT_SETTINGS = Set.of("name", "script", "leads");

    private final Floor floor;
    private DialerServer server;

    CampaignRoutes(final Floor floor)
    {
        this.floor = floor;
    }

    /**
     * {@inheritDoc}
     */
    public void register(final ApiRouter router)
    {
        server = router.server();
        router.get("/api/campaigns", this::list, Role.ADMIN, Role.MANAGER);
        router.post("/api/campaigns", this::create, Role.ADMIN, Role.MANAGER);
        router.get("/api/campaigns/{id}", this::get, Role.ADMIN, Role.MANAGER);
        router.post("/api/campaigns/{id}/start", this::start, Role.ADMIN, Role.MANAGER);
        for (final String action : new String[]{"pause", "resume", "drain", "stop"})
        {
            router.post("/api/campaigns/{id}/" + action, (ctx) -> act(ctx, action), Role.ADMIN, Role.MANAGER);
        }
        router.get("/api/campaigns/{id}/live", this::live, Role.ADMIN, Role.MANAGER);
        router.get("/api/campaigns/{id}/history", this::history, Role.ADMIN, Role.MANAGER);
        router.get("/api/campaigns/{id}/report", this::report, Role.ADMIN, Role.MANAGER);
        router.get("/api/campaigns/{id}/numbers/{number}", this::number, Role.ADMIN, Role.MANAGER);
    }

    private void list(final Context ctx)
    {
        final ArrayNode list = Json.array();
        for (final Campaign campaign : floor.campaigns().list())
        {
            list.add(json(campaign));
        }
        Json.write(ctx, 200, Json.object().set("campaigns", list));
    }

    private void create(final Context ctx) throws IOException
    {
        final Principal who = Principal.required(ctx);
        final JsonBody body = Json.body(ctx);
        final String name = body.text("name");
        final String leadListId = body.text("leadList");
        final String scriptId = body.text("script");
        final ObjectNode settings = body.optionalObject("settings");
        if (null != name && !NAME.matcher(name).matches())
        {
            body.invalid("name", "1 to 64 letters, digits, spaces or '_', '.', '-', starting with a letter or digit");
        }
        for (final String key : NOT_SETTINGS)
        {
            if (settings.has(key))
            {
                body.invalid("settings." + key, "give it outside settings (name, leadList, script)");
            }
        }
        final Upload leads = null == leadListId ? null :
            server.storage().uploads(UploadKind.LEAD_LIST).find(leadListId);
        final Upload script = null == scriptId ? null : server.storage().uploads(UploadKind.SCRIPT).find(scriptId);
        if (null != leadListId && null == leads)
        {
            body.invalid("leadList", "no lead list " + leadListId);
        }
        if (null != scriptId && null == script)
        {
            body.invalid("script", "no script " + scriptId);
        }
        body.done();
        final Campaign campaign = floor.campaigns().create(name, leads.id(), leads.file(), script.id(), script.file(),
            settings, who.userName(), Json.time(System.currentTimeMillis()));
        Json.write(ctx, 201, json(campaign));
    }

    private void get(final Context ctx)
    {
        Json.write(ctx, 200, json(find(ctx)));
    }

    private void start(final Context ctx) throws IOException
    {
        Json.write(ctx, 202, json(floor.start(find(ctx).id())));
    }

    private void act(final Context ctx, final String action) throws Exception
    {
        final Campaign campaign = find(ctx);
        String reason = null;
        if ("stop".equals(action) && ctx.contentLength() > 0)
        {
            final JsonBody body = Json.body(ctx);
            reason = body.optionalText("reason");
            body.done();
        }
        final ControlResult result = floor.act(campaign.id(), action, reason);
        if (!result.applied())
        {
            throw ApiException.conflict(result.detail());
        }
        Json.write(ctx, 200, FloorJson.result(result));
    }

    private void live(final Context ctx)
    {
        final Campaign campaign = find(ctx);
        final ObjectNode live = floor.live().campaignLive(floor.engine().control().state(), campaign.id());
        if (null == live)
        {
            throw ApiException.conflict("campaign " + campaign.name() + " has not run since the server started");
        }
        Json.write(ctx, 200, live);
    }

    private void history(final Context ctx)
    {
        final Campaign campaign = find(ctx);
        Json.write(ctx, 200, Json.object().put("intervalMs", LiveFeed.HISTORY_INTERVAL_MS)
            .set("points", floor.live().history(campaign.id())));
    }

    private void report(final Context ctx) throws IOException
    {
        final Campaign campaign = find(ctx);
        final ReportBuilder builder = new ReportBuilder();
        Journal.replay(floor.campaigns().dir(campaign.id()).resolve(CampaignStore.JOURNAL_DIR), builder);
        final StringWriter out = new StringWriter();
        ReportJson.write(builder.report(), out);
        Json.write(ctx, 200, (ObjectNode)Json.mapper().readTree(out.toString()));
    }

    private void number(final Context ctx) throws IOException
    {
        final Campaign campaign = find(ctx);
        final String region = campaign.settings().path("default_region").asText(floor.context().region());
        final long number = new RegionNormaliser(region).normalise(ctx.pathParam("number"));
        if (E164.INVALID == number || !E164.isValid(number))
        {
            throw ApiException.badRequest("'" + ctx.pathParam("number") + "' is not a phone number");
        }
        final String e164 = "+" + number;
        final LeadList leads = floor.leads(campaign.id());
        int lead = -1;
        for (int i = 0; i < leads.size() && lead < 0; i++)
        {
            lead = e164.equals(leads.e164(i)) ? i : -1;
        }
        if (lead < 0)
        {
            throw ApiException.notFound(e164 + " is not a lead of campaign " + campaign.name());
        }
        final ObjectNode json = Json.object();
        json.put("number", e164);
        json.put("lead", lead);
        json.put("row", leads.row(lead));
        final ObjectNode fields = json.putObject("fields");
        leads.fields(lead).forEach(fields::put);
        json.setAll(NumberHistory.of(floor.campaigns().dir(campaign.id()).resolve(CampaignStore.JOURNAL_DIR), lead));
        Json.write(ctx, 200, json);
    }

    private Campaign find(final Context ctx)
    {
        final Campaign campaign = floor.campaigns().find(ctx.pathParam("id"));
        if (null == campaign)
        {
            throw ApiException.notFound("no campaign " + ctx.pathParam("id"));
        }
        return campaign;
    }

    private ObjectNode json(final Campaign campaign)
    {
        final ObjectNode json = CampaignStore.toJson(campaign);
        final ObjectNode live = floor.live().campaignLive(floor.engine().control().state(), campaign.id());
        if (null == live)
        {
            json.putNull("live");
        }
        else
        {
            json.set("live", live);
        }
        return json;
    }
}
