/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.util.List;
import java.util.Objects;

/**
 * A closer from a closers file: id, name, destination (SIP address, phone number or extension) and skills.
 */
public final class Closer
{
    private final String id;
    private final String name;
    private final CloserDestination destination;
    private final List<String> skills;

    /**
     * A closer on a SIP address.
     *
     * @param id     unique id.
     * @param name   display name.
     * @param uri    SIP URI to dial.
     * @param skills skills (queues) the closer takes.
     */
    public Closer(final String id, final String name, final String uri, final List<String> skills)
    {
        this(id, name, CloserDestination.sipUri(uri), skills);
    }

    /**
     * A closer on any destination.
     *
     * @param id          unique id.
     * @param name        display name.
     * @param destination where the closer is dialed.
     * @param skills      skills (queues) the closer takes.
     */
    public Closer(final String id, final String name, final CloserDestination destination, final List<String> skills)
    {
        this.id = id;
        this.name = name;
        this.destination = Objects.requireNonNull(destination, "destination");
        this.skills = List.copyOf(skills);
    }

    /**
     * The unique id.
     *
     * @return the id.
     */
    public String id()
    {
        return id;
    }

    /**
     * The display name.
     *
     * @return the name.
     */
    public String name()
    {
        return name;
    }

    /**
     * Where the closer is dialed; resolve the Request-URI at dial time with
     * {@link CloserDestination#requestUri(String, java.util.function.Function)}.
     *
     * @return the destination.
     */
    public CloserDestination destination()
    {
        return destination;
    }

    /**
     * The SIP URI to dial, for a closer on a SIP address. For a phone number or an extension this is the
     * destination's text ({@code +12145550199}, {@code ext:1001}), which is not a SIP URI: dial those through
     * {@link #destination()}.
     *
     * @return the URI, or the destination's text.
     */
    public String uri()
    {
        return destination.toString();
    }

    /**
     * The skills.
     *
     * @return the skills, never empty.
     */
    public List<String> skills()
    {
        return skills;
    }

    @Override
    public String toString()
    {
        return id + " (" + name + ", " + destination + ", " + skills + ")";
    }
}
