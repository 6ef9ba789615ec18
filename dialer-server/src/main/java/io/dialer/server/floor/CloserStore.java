/*
 * Dialer server.
 */
package io.dialer.server.floor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.core.campaign.Closer;
import io.dialer.core.campaign.CloserDestination;
import io.dialer.core.compliance.E164;
import io.dialer.core.lead.RegionNormaliser;
import io.dialer.server.storage.JsonFiles;

/**
 * The sales floor's closers as managers define them ({@code closers.json}): id, name, where each is dialed and the
 * skills it takes. Written atomically on every change; the engine is told separately (its floor follows this file,
 * which it is given again at every start). An extension's password is kept as its HA1 only. Thread-safe.
 */
public final class CloserStore
{
    /** The file under the data directory. */
    public static final String FILE = "closers.json";

    private static final int VERSION = 1;

    private final Path file;
    private final Map<String, Closer> closers = new LinkedHashMap<>();

    /**
     * Opens the closers of a data directory (none when the file is not there yet).
     *
     * @param dataDir the data directory.
     * @throws IOException when the file cannot be read or is not what this store writes.
     */
    public CloserStore(final Path dataDir) throws IOException
    {
        this.file = dataDir.resolve(FILE);
        if (Files.exists(file))
        {
            for (final JsonNode node : JsonFiles.read(file).path("closers"))
            {
                final Closer closer = fromJson(node);
                closers.put(closer.id(), closer);
            }
        }
    }

    /**
     * @return every closer, in the order they were added.
     */
    public synchronized List<Closer> list()
    {
        return List.copyOf(closers.values());
    }

    /**
     * @param id a closer id.
     * @return the closer, or null.
     */
    public synchronized Closer find(final String id)
    {
        return closers.get(id);
    }

    /**
     * Adds or replaces a closer and writes the file.
     *
     * @param closer the closer.
     * @throws IOException when the file cannot be written (nothing changes then).
     */
    public synchronized void put(final Closer closer) throws IOException
    {
        final Map<String, Closer> next = new LinkedHashMap<>(closers);
        next.put(closer.id(), closer);
        write(next);
        closers.put(closer.id(), closer);
    }

    /**
     * Removes a closer and writes the file.
     *
     * @param id the closer id.
     * @return true when it was there.
     * @throws IOException when the file cannot be written (nothing changes then).
     */
    public synchronized boolean remove(final String id) throws IOException
    {
        if (!closers.containsKey(id))
        {
            return false;
        }
        final Map<String, Closer> next = new LinkedHashMap<>(closers);
        next.remove(id);
        write(next);
        closers.remove(id);
        return true;
    }

    /**
     * Reads a destination as a manager writes it: a {@code sip:} URI, {@code ext:NNN} (or {@code pbx:NNN}) with the
     * HA1 of its password, or a phone number (E.164, or national in the region).
     *
     * @param text   the destination.
     * @param ha1    the extension's HA1, null for the other kinds.
     * @param region the region national numbers are read in.
     * @return the destination.
     * @throws IllegalArgumentException naming what is wrong.
     */
    public static CloserDestination destination(final String text, final String ha1, final String region)
    {
        final String value = null == text ? "" : text.trim();
        final String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sip:"))
        {
            return CloserDestination.sipUri(value);
        }
        if (lower.startsWith("ext:") || lower.startsWith("pbx:"))
        {
            return CloserDestination.extension(value, ha1);
        }
        final long number = new RegionNormaliser(region).normalise(value);
        if (E164.INVALID == number || !E164.isValid(number))
        {
            throw new IllegalArgumentException("destination '" + value + "' is not a sip: URI, an ext: extension " +
                "or a phone number");
        }
        return CloserDestination.phone("+" + number);
    }

    /**
     * @param closer a closer.
     * @return it as JSON, without its password hash.
     */
    public static ObjectNode toJson(final Closer closer)
    {
        final ObjectNode node = JsonFiles.mapper().createObjectNode();
        node.put("id", closer.id());
        node.put("name", closer.name());
        node.put("destination", closer.destination().toString());
        final ArrayNode skills = node.putArray("skills");
        closer.skills().forEach(skills::add);
        return node;
    }

    private void write(final Map<String, Closer> all) throws IOException
    {
        final ObjectNode root = JsonFiles.mapper().createObjectNode();
        root.put("version", VERSION);
        final ArrayNode list = root.putArray("closers");
        for (final Closer closer : all.values())
        {
            final ObjectNode node = toJson(closer);
            if (null != closer.destination().sipPasswordHa1())
            {
                node.put("sipPasswordHa1", closer.destination().sipPasswordHa1());
            }
            list.add(node);
        }
        JsonFiles.write(file, root);
    }

    private static Closer fromJson(final JsonNode node)
    {
        final List<String> skills = new ArrayList<>();
        node.path("skills").forEach((skill) -> skills.add(skill.asText()));
        final String ha1 = node.hasNonNull("sipPasswordHa1") ? node.get("sipPasswordHa1").asText() : null;
        return new Closer(node.path("id").asText(), node.path("name").asText(),
            destination(node.path("destination").asText(), ha1, "US"), skills);
    }
}
