/*
 * Dialer server.
 */
package io.dialer.server.floor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.campaign.CampaignLoader;
import io.dialer.core.campaign.CampaignResult;
import io.dialer.qualification.ValidationError;
import io.dialer.server.ApiException;
import io.dialer.server.ErrorDetail;
import io.dialer.server.storage.AtomicFiles;
import io.dialer.server.storage.Ids;
import io.dialer.server.storage.JsonFiles;

/**
 * The campaigns managers create, one directory each under {@code campaigns/}: {@code campaign.json} (the definition
 * and the state the campaign should be in), {@code campaign.yaml} (the settings as the campaign loader reads them),
 * its own copy of the lead list and script as they were when the campaign was made ({@code leads.csv},
 * {@code script.yaml}: deleting or replacing an upload never changes a campaign), and {@code journal/} once it runs.
 * A campaign is made in a staging directory and renamed into place whole, so a crash leaves it made or not at all.
 * Thread-safe.
 */
public final class CampaignStore
{
    /** A campaign's definition and state. */
    public static final String RECORD_FILE = "campaign.json";
    /** A campaign's settings as the loader reads them. */
    public static final String SETTINGS_FILE = "campaign.yaml";
    /** A campaign's copy of its lead list. */
    public static final String LEADS_FILE = "leads.csv";
    /** A campaign's copy of its script. */
    public static final String SCRIPT_FILE = "script.yaml";
    /** A campaign's journal directory. */
    public static final String JOURNAL_DIR = "journal";

    private static final int VERSION = 1;

    /**
     * Where a campaign is, as the server keeps it (what a restart resumes).
     */
    public enum State
    {
        /** Made, never started. */
        CREATED,
        /** Its prompts are being rendered; dialing starts next. */
        STARTING,
        /** Dialing. */
        RUNNING,
        /** Paused by a user. */
        PAUSED,
        /** Suspended by the engine (the trunk kept failing): a resume dials again. */
        SUSPENDED,
        /** No new leads; ends when its calls end. */
        DRAINING,
        /** Stopping; ends when its calls end. */
        STOPPING,
        /** Every lead done. */
        FINISHED,
        /** Ended with leads open (drained or stopped); starting it again resumes it. */
        STOPPED,
        /** Could not start (see the reason). */
        FAILED;

        /**
         * @return true when a restart of the server starts the campaign again.
         */
        public boolean active()
        {
            return STARTING == this || RUNNING == this || PAUSED == this || SUSPENDED == this || DRAINING == this ||
                STOPPING == this;
        }
    }

    /**
     * A campaign as stored.
     *
     * @param id        the campaign's id.
     * @param name      its name (unique).
     * @param leadList  the lead list upload it was made from.
     * @param script    the script upload it was made from.
     * @param settings  its settings (campaign-file keys as JSON).
     * @param state     where it is.
     * @param reason    why, for a failed or stopped campaign; empty otherwise.
     * @param createdAt when it was made, ISO-8601.
     * @param createdBy who made it.
     */
    public record Campaign(
        String id, String name, String leadList, String script, ObjectNode settings, State state, String reason,
        String createdAt, String createdBy)
    {
        Campaign withState(final State to, final String why)
        {
            return new Campaign(id, name, leadList, script, settings, to, null == why ? "" : why, createdAt,
                createdBy);
        }
    }

    private final Path dir;
    private final Map<String, Campaign> campaigns = new LinkedHashMap<>();

    /**
     * Opens the campaigns under a directory, removing what a crash left half-made.
     *
     * @param dir {@code campaigns/} under the data directory.
     * @throws IOException when it cannot be read.
     */
    public CampaignStore(final Path dir) throws IOException
    {
        this.dir = dir;
        Files.createDirectories(dir);
        AtomicFiles.removeTemporaries(dir);
        final List<Campaign> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir))
        {
            for (final Path entry : entries)
            {
                final Path record = entry.resolve(RECORD_FILE);
                if (Ids.isId(entry.getFileName().toString()) && Files.isRegularFile(record))
                {
                    found.add(read(JsonFiles.read(record)));
                }
            }
        }
        found.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        found.forEach((campaign) -> campaigns.put(campaign.id(), campaign));
    }

    /**
     * @return every campaign, oldest first.
     */
    public synchronized List<Campaign> list()
    {
        return List.copyOf(campaigns.values());
    }

    /**
     * @param id a campaign id.
     * @return the campaign, or null.
     */
    public synchronized Campaign find(final String id)
    {
        return null == id ? null : campaigns.get(id);
    }

    /**
     * @param id a campaign id.
     * @return its directory.
     */
    public Path dir(final String id)
    {
        return dir.resolve(id);
    }

    /**
     * Makes a campaign from a lead list, a script and settings, checked by the campaign loader as {@code dialer serve}
     * runs it; nothing is kept when they are refused.
     *
     * @param name      the campaign's name.
     * @param leadList  the lead list upload's id and file.
     * @param leadsFile the lead list file.
     * @param script    the script upload's id.
     * @param scriptFile the script file.
     * @param settings  campaign-file keys as JSON (not name, script, leads, closers, dnc, closers_login).
     * @param createdBy who makes it.
     * @param createdAt when, ISO-8601.
     * @return the campaign.
     * @throws ApiException 409 for a name already used, 422 with each setting's problem.
     * @throws IOException  when it cannot be written.
     */
    public Campaign create(
        final String name, final String leadList, final Path leadsFile, final String script, final Path scriptFile,
        final ObjectNode settings, final String createdBy, final String createdAt) throws IOException
    {
        synchronized (this)
        {
            for (final Campaign campaign : campaigns.values())
            {
                if (campaign.name().equals(name))
                {
                    throw ApiException.conflict("a campaign named '" + name + "' exists (" + campaign.id() + ")");
                }
            }
        }
        final String id = Ids.next();
        final Path staging = dir.resolve(AtomicFiles.TEMP_PREFIX + id);
        try
        {
            Files.createDirectories(staging);
            Files.copy(leadsFile, staging.resolve(LEADS_FILE), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(scriptFile, staging.resolve(SCRIPT_FILE), StandardCopyOption.REPLACE_EXISTING);
            final ObjectNode document = JsonFiles.mapper().createObjectNode();
            document.put("name", name);
            document.setAll(settings);
            document.put("script", SCRIPT_FILE);
            document.put("leads", LEADS_FILE);
            final SettingsText text = SettingsText.of(document);
            Files.writeString(staging.resolve(SETTINGS_FILE), text.text(), StandardCharsets.UTF_8);
            final CampaignResult loaded = CampaignLoader.loadForFloor(SETTINGS_FILE, text.text(), staging);
            if (!loaded.isValid())
            {
                final List<ErrorDetail> details = new ArrayList<>();
                for (final ValidationError error : loaded.errors())
                {
                    details.add(SETTINGS_FILE.equals(error.file()) ?
                        ErrorDetail.field(text.field(error.line()), error.message()) :
                        new ErrorDetail(error.file().equals(SCRIPT_FILE) ? "script" : error.file(), error.line(),
                        error.column(), 0, null, error.message()));
                }
                throw ApiException.unprocessable("the campaign's settings are not valid", details);
            }
            final Campaign campaign = new Campaign(id, name, leadList, script, settings, State.CREATED, "",
                createdAt, createdBy);
            JsonFiles.write(staging.resolve(RECORD_FILE), write(campaign));
            AtomicFiles.move(staging, dir.resolve(id));
            synchronized (this)
            {
                campaigns.put(id, campaign);
            }
            return campaign;
        }
        finally
        {
            if (Files.exists(staging))
            {
                AtomicFiles.deleteTree(staging);
            }
        }
    }

    /**
     * Records where a campaign is.
     *
     * @param id     the campaign.
     * @param state  where it is.
     * @param reason why (for a failure or a stop), or null.
     * @return the campaign as now stored, or null when there is no such campaign.
     * @throws IOException when it cannot be written (nothing changes then).
     */
    public synchronized Campaign state(final String id, final State state, final String reason) throws IOException
    {
        final Campaign campaign = campaigns.get(id);
        if (null == campaign)
        {
            return null;
        }
        final Campaign next = campaign.withState(state, reason);
        if (!next.equals(campaign))
        {
            JsonFiles.write(dir(id).resolve(RECORD_FILE), write(next));
            campaigns.put(id, next);
        }
        return next;
    }

    /**
     * @param campaign a campaign.
     * @return it as JSON.
     */
    public static ObjectNode toJson(final Campaign campaign)
    {
        final ObjectNode node = write(campaign);
        node.remove("version");
        return node;
    }

    private static ObjectNode write(final Campaign campaign)
    {
        final ObjectNode node = JsonFiles.mapper().createObjectNode();
        node.put("version", VERSION);
        node.put("id", campaign.id());
        node.put("name", campaign.name());
        node.put("leadList", campaign.leadList());
        node.put("script", campaign.script());
        node.set("settings", campaign.settings().deepCopy());
        node.put("state", campaign.state().name().toLowerCase(java.util.Locale.ROOT));
        node.put("reason", campaign.reason());
        node.put("createdAt", campaign.createdAt());
        node.put("createdBy", campaign.createdBy());
        return node;
    }

    private static Campaign read(final JsonNode node)
    {
        return new Campaign(node.path("id").asText(), node.path("name").asText(), node.path("leadList").asText(),
            node.path("script").asText(), (ObjectNode)node.path("settings"),
            State.valueOf(node.path("state").asText().toUpperCase(java.util.Locale.ROOT)),
            node.path("reason").asText(""), node.path("createdAt").asText(), node.path("createdBy").asText());
    }

    /**
     * Settings written one key per line (JSON, which YAML reads), remembering which key each line holds, so that a
     * loader's {@code line:column} is told back as the request's field ({@code pacing.ratio}).
     */
    record SettingsText(String text, Map<Integer, String> fields)
    {
        static SettingsText of(final ObjectNode document)
        {
            final StringBuilder out = new StringBuilder();
            final Map<Integer, String> fields = new LinkedHashMap<>();
            final int[] line = {1};
            writeObject(document, "", 0, out, fields, line);
            out.append('\n');
            return new SettingsText(out.toString(), fields);
        }

        String field(final int lineNumber)
        {
            for (int line = lineNumber; line > 0; line--)
            {
                final String field = fields.get(line);
                if (null != field)
                {
                    return field;
                }
            }
            return "settings";
        }

        private static void writeObject(
            final JsonNode node, final String path, final int indent, final StringBuilder out,
            final Map<Integer, String> fields, final int[] line)
        {
            out.append("{\n");
            line[0]++;
            final Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
            while (entries.hasNext())
            {
                final Map.Entry<String, JsonNode> entry = entries.next();
                final String field = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                out.append("  ".repeat(indent + 1)).append(quote(entry.getKey())).append(": ");
                fields.put(line[0], field);
                if (entry.getValue().isObject())
                {
                    writeObject(entry.getValue(), field, indent + 1, out, fields, line);
                }
                else
                {
                    out.append(entry.getValue().toString());
                }
                if (entries.hasNext())
                {
                    out.append(',');
                }
                out.append('\n');
                line[0]++;
            }
            out.append("  ".repeat(indent)).append('}');
        }

        private static String quote(final String key)
        {
            return JsonFiles.mapper().getNodeFactory().textNode(key).toString();
        }
    }
}
