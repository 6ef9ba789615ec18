/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.util.List;

/**
 * A closer from a closers file: id, name, SIP URI and skills.
 */
public final class Closer
{
    private final String id;
    private final String name;
    private final String uri;
    private final List<String> skills;

    /**
     * A closer.
     *
     * @param id     unique id.
     * @param name   display name.
     * @param uri    SIP URI to dial.
     * @param skills skills (queues) the closer takes.
     */
    public Closer(final String id, final String name, final String uri, final List<String> skills)
    {
        this.id = id;
        this.name = name;
        this.uri = uri;
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
     * The SIP URI to dial.
     *
     * @return the URI.
     */
    public String uri()
    {
        return uri;
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
        return id + " (" + name + ", " + uri + ", " + skills + ")";
    }
}
