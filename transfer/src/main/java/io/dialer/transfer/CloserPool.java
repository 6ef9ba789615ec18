/*
 * Dialer transfer module.
 */
package io.dialer.transfer;

import org.agrona.collections.Object2IntHashMap;

/**
 * The closers: their configuration (id, name, SIP URI, skills) added at configuration time, and their current state,
 * which only the {@link Matcher} changes. The state, its start time and the caller a closer serves share one record
 * of a {@code long[]}, so a state change touches one cache line. Closers are addressed by their index {@code 0..size()-1}. Single writer.
 */
public final class CloserPool
{
    /**
     * No closer.
     */
    public static final int NULL_CLOSER = -1;

    private final SkillRegistry skills;
    private final int maxSkillsPerCloser;
    private final String[] ids;
    private final String[] names;
    private final String[] sipUris;
    private final int[] skillCounts;
    private final int[] skillIds;
    private static final CloserState[] STATES = CloserState.values();
    private static final int HOT_STRIDE = 4;
    private static final int STATE = 0;
    private static final int STATE_SINCE = 1;
    private static final int CALLER = 2;

    private final long[] hot;
    private final String[] pauseReasons;
    private final boolean[] removed;
    private final Object2IntHashMap<String> indexById;
    private int size;

    /**
     * A pool for at most {@code capacity} closers of at most {@code maxSkillsPerCloser} skills each.
     *
     * @param skills             where skill names are interned.
     * @param capacity           the maximum number of closers.
     * @param maxSkillsPerCloser the maximum number of skills of one closer.
     */
    public CloserPool(final SkillRegistry skills, final int capacity, final int maxSkillsPerCloser)
    {
        if (capacity < 1 || maxSkillsPerCloser < 1)
        {
            throw new IllegalArgumentException(
                "capacity and maxSkillsPerCloser must be >= 1: " + capacity + ", " + maxSkillsPerCloser);
        }
        this.skills = skills;
        this.maxSkillsPerCloser = maxSkillsPerCloser;
        ids = new String[capacity];
        names = new String[capacity];
        sipUris = new String[capacity];
        skillCounts = new int[capacity];
        skillIds = new int[capacity * maxSkillsPerCloser];
        hot = new long[capacity * HOT_STRIDE];
        pauseReasons = new String[capacity];
        removed = new boolean[capacity];
        indexById = new Object2IntHashMap<>(capacity * 2, 0.65f, NULL_CLOSER);
    }

    /**
     * Adds a closer, {@link CloserState#OFFLINE}. Configuration time: this allocates.
     *
     * @param id         unique closer id.
     * @param name       display name.
     * @param sipUri     where to dial the closer (SIP URI, extension or number).
     * @param skillNames the closer's skills, at least one, interned in the {@link SkillRegistry}.
     * @return the closer's index.
     * @throws IllegalArgumentException on a duplicate id, no skill, a repeated skill or too many skills.
     * @throws IllegalStateException    when the pool is full.
     */
    public int add(final String id, final String name, final String sipUri, final String... skillNames)
    {
        if (NULL_CLOSER != indexById.getValue(id))
        {
            throw new IllegalArgumentException("duplicate closer id: " + id);
        }
        if (skillNames.length < 1 || skillNames.length > maxSkillsPerCloser)
        {
            throw new IllegalArgumentException(
                "closer " + id + " needs 1.." + maxSkillsPerCloser + " skills, has " + skillNames.length);
        }
        if (size == ids.length)
        {
            throw new IllegalStateException("closer pool full (" + ids.length + "), cannot add: " + id);
        }
        final int index = size;
        for (int i = 0; i < skillNames.length; i++)
        {
            final int skillId = skills.intern(skillNames[i]);
            for (int j = 0; j < i; j++)
            {
                if (skillIds[index * maxSkillsPerCloser + j] == skillId)
                {
                    throw new IllegalArgumentException("closer " + id + " lists skill twice: " + skillNames[i]);
                }
            }
            skillIds[index * maxSkillsPerCloser + i] = skillId;
        }
        skillCounts[index] = skillNames.length;
        ids[index] = id;
        names[index] = name;
        sipUris[index] = sipUri;
        hot[index * HOT_STRIDE + STATE] = CloserState.OFFLINE.ordinal();
        hot[index * HOT_STRIDE + CALLER] = Long.MIN_VALUE;
        indexById.put(id, index);
        size++;
        return index;
    }

    /**
     * Changes a logged-out closer's name, destination and skills (a closer's skills are in the matcher's lists while
     * logged in, so they change only while {@link CloserState#OFFLINE}). Configuration time: this allocates.
     *
     * @param closer     the index.
     * @param name       display name.
     * @param sipUri     where to dial the closer.
     * @param skillNames the closer's skills, at least one.
     * @throws IllegalArgumentException on no skill, a repeated skill or too many skills.
     * @throws IllegalStateException    when the closer is not logged out.
     */
    public void update(final int closer, final String name, final String sipUri, final String... skillNames)
    {
        if (CloserState.OFFLINE != state(closer))
        {
            throw new IllegalStateException("closer " + ids[closer] + " is " + state(closer) + ": log out first");
        }
        if (skillNames.length < 1 || skillNames.length > maxSkillsPerCloser)
        {
            throw new IllegalArgumentException(
                "closer " + ids[closer] + " needs 1.." + maxSkillsPerCloser + " skills, has " + skillNames.length);
        }
        final int[] interned = new int[skillNames.length];
        for (int i = 0; i < skillNames.length; i++)
        {
            interned[i] = skills.intern(skillNames[i]);
            for (int j = 0; j < i; j++)
            {
                if (interned[j] == interned[i])
                {
                    throw new IllegalArgumentException(
                        "closer " + ids[closer] + " lists skill twice: " + skillNames[i]);
                }
            }
        }
        System.arraycopy(interned, 0, skillIds, closer * maxSkillsPerCloser, interned.length);
        skillCounts[closer] = interned.length;
        names[closer] = name;
        sipUris[closer] = sipUri;
    }

    /**
     * Removes a logged-out closer: its id is free again and {@link #indexOf(String)} no longer finds it; its index
     * stays used (and {@link #isRemoved(int)}), so indexes held elsewhere never point at another closer.
     *
     * @param closer the index.
     * @throws IllegalStateException when the closer is not logged out.
     */
    public void remove(final int closer)
    {
        if (CloserState.OFFLINE != state(closer))
        {
            throw new IllegalStateException("closer " + ids[closer] + " is " + state(closer) + ": log out first");
        }
        indexById.remove(ids[closer]);
        removed[closer] = true;
    }

    /**
     * Whether a closer was removed.
     *
     * @param closer the index.
     * @return true once {@link #remove(int)} was called for it.
     */
    public boolean isRemoved(final int closer)
    {
        return removed[closer];
    }

    /**
     * The skill registry of this pool.
     *
     * @return the registry.
     */
    public SkillRegistry skills()
    {
        return skills;
    }

    /**
     * Number of closers added.
     *
     * @return the number of closers.
     */
    public int size()
    {
        return size;
    }

    /**
     * Maximum number of closers.
     *
     * @return the capacity.
     */
    public int capacity()
    {
        return ids.length;
    }

    /**
     * Maximum number of skills of one closer.
     *
     * @return the maximum.
     */
    public int maxSkillsPerCloser()
    {
        return maxSkillsPerCloser;
    }

    /**
     * Index of a closer by id.
     *
     * @param id the closer id.
     * @return the index or {@link #NULL_CLOSER}.
     */
    public int indexOf(final String id)
    {
        return indexById.getValue(id);
    }

    /**
     * Whether an index is a configured closer.
     *
     * @param closer an index.
     * @return true when {@code 0 <= closer < size()}.
     */
    public boolean isValid(final int closer)
    {
        return closer >= 0 && closer < size;
    }

    /**
     * The closer's id.
     *
     * @param closer the index.
     * @return the id.
     */
    public String id(final int closer)
    {
        return ids[closer];
    }

    /**
     * The closer's display name.
     *
     * @param closer the index.
     * @return the name.
     */
    public String name(final int closer)
    {
        return names[closer];
    }

    /**
     * Where to dial the closer.
     *
     * @param closer the index.
     * @return the SIP URI, extension or number.
     */
    public String sipUri(final int closer)
    {
        return sipUris[closer];
    }

    /**
     * Number of skills of a closer.
     *
     * @param closer the index.
     * @return 1..{@link #maxSkillsPerCloser()}.
     */
    public int skillCount(final int closer)
    {
        return skillCounts[closer];
    }

    /**
     * One skill of a closer.
     *
     * @param closer the index.
     * @param slot   0..{@link #skillCount(int)}-1.
     * @return the skill id.
     */
    public int skill(final int closer, final int slot)
    {
        return skillIds[closer * maxSkillsPerCloser + slot];
    }

    /**
     * Whether a closer has a skill.
     *
     * @param closer  the index.
     * @param skillId the skill id.
     * @return true if it has the skill.
     */
    public boolean hasSkill(final int closer, final int skillId)
    {
        final int base = closer * maxSkillsPerCloser;
        for (int i = 0, n = skillCounts[closer]; i < n; i++)
        {
            if (skillIds[base + i] == skillId)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * The closer's current state.
     *
     * @param closer the index.
     * @return the state.
     */
    public CloserState state(final int closer)
    {
        return STATES[(int)hot[closer * HOT_STRIDE + STATE]];
    }

    /**
     * Why the closer is paused.
     *
     * @param closer the index.
     * @return the reason while {@link CloserState#PAUSED}, otherwise null.
     */
    public String pauseReason(final int closer)
    {
        return pauseReasons[closer];
    }

    /**
     * When the closer entered its current state (for {@link CloserState#AVAILABLE}: idle since).
     *
     * @param closer the index.
     * @return the time in ms given with the transition.
     */
    public long stateSinceMs(final int closer)
    {
        return hot[closer * HOT_STRIDE + STATE_SINCE];
    }

    void state(final int closer, final CloserState state, final long nowMs)
    {
        final int base = closer * HOT_STRIDE;
        if (CloserState.PAUSED.ordinal() == hot[base + STATE] && CloserState.PAUSED != state)
        {
            pauseReasons[closer] = null;
        }
        hot[base + STATE] = state.ordinal();
        hot[base + STATE_SINCE] = nowMs;
    }

    long callerOf(final int closer)
    {
        return hot[closer * HOT_STRIDE + CALLER];
    }

    void callerOf(final int closer, final long callerId)
    {
        hot[closer * HOT_STRIDE + CALLER] = callerId;
    }

    void pauseReason(final int closer, final String reason)
    {
        pauseReasons[closer] = reason;
    }
}
