/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

import org.agrona.collections.Object2IntHashMap;

/**
 * Interns skill names to dense int ids {@code 0..size()-1} at configuration time, so the hot paths handle ints only.
 */
public final class SkillRegistry
{
    /**
     * Returned by {@link #skillId(String)} for a name never interned.
     */
    public static final int UNKNOWN_SKILL = -1;

    private final String[] names;
    private final Object2IntHashMap<String> idByName;
    private int size;

    /**
     * A registry for at most {@code capacity} distinct skills.
     *
     * @param capacity the maximum number of skills.
     */
    public SkillRegistry(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        names = new String[capacity];
        idByName = new Object2IntHashMap<>(capacity * 2, 0.65f, UNKNOWN_SKILL);
    }

    /**
     * The id of a skill, interning it if new.
     *
     * @param name the skill name, compared exactly.
     * @return its id.
     * @throws IllegalStateException when the registry is full.
     */
    public int intern(final String name)
    {
        final int existing = idByName.getValue(name);
        if (UNKNOWN_SKILL != existing)
        {
            return existing;
        }
        if (size == names.length)
        {
            throw new IllegalStateException("skill registry full (" + names.length + "), cannot add: " + name);
        }
        final int id = size++;
        names[id] = name;
        idByName.put(name, id);
        return id;
    }

    /**
     * The id of a skill already interned.
     *
     * @param name the skill name.
     * @return its id, or {@link #UNKNOWN_SKILL}.
     */
    public int skillId(final String name)
    {
        return idByName.getValue(name);
    }

    /**
     * The name of a skill id.
     *
     * @param skillId a skill id from this registry.
     * @return its name.
     */
    public String name(final int skillId)
    {
        if (skillId < 0 || skillId >= size)
        {
            throw new IllegalArgumentException("unknown skill id: " + skillId);
        }
        return names[skillId];
    }

    /**
     * Number of skills interned.
     *
     * @return the number of skills.
     */
    public int size()
    {
        return size;
    }

    /**
     * Maximum number of skills.
     *
     * @return the capacity.
     */
    public int capacity()
    {
        return names.length;
    }
}
