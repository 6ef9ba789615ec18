/*
 * Dialer transfer module tests.
 */
package io.dialer.transfer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloserPoolTest
{
    private final SkillRegistry skills = new SkillRegistry(3);
    private final CloserPool pool = new CloserPool(skills, 2, 2);

    @Test
    void shouldAddClosersOfflineWithInternedSkills()
    {
        final int alice = pool.add("alice", "Alice", "sip:alice@floor", "sales", "billing");
        final int bob = pool.add("bob", "Bob", "ext:1002", "billing");

        assertEquals(0, alice);
        assertEquals(1, bob);
        assertEquals(2, pool.size());
        assertEquals(2, pool.capacity());
        assertEquals(bob, pool.indexOf("bob"));
        assertEquals(CloserPool.NULL_CLOSER, pool.indexOf("carol"));
        assertEquals("Alice", pool.name(alice));
        assertEquals("alice", pool.id(alice));
        assertEquals("ext:1002", pool.sipUri(bob));
        assertEquals(2, pool.skillCount(alice));
        assertEquals(skills.skillId("billing"), pool.skill(bob, 0));
        assertTrue(pool.hasSkill(alice, skills.skillId("sales")));
        assertFalse(pool.hasSkill(bob, skills.skillId("sales")));
        assertEquals(CloserState.OFFLINE, pool.state(alice));
        assertNull(pool.pauseReason(alice));
        assertTrue(pool.isValid(bob));
        assertFalse(pool.isValid(2));
        assertFalse(pool.isValid(-1));
    }

    @Test
    void shouldRejectBadConfiguration()
    {
        pool.add("alice", "Alice", "sip:alice@floor", "sales");
        assertThrows(IllegalArgumentException.class, () -> pool.add("alice", "Again", "sip:x", "sales"));
        assertThrows(IllegalArgumentException.class, () -> pool.add("bob", "Bob", "sip:bob"));
        assertThrows(IllegalArgumentException.class, () -> pool.add("bob", "Bob", "sip:bob", "a", "b", "c"));
        assertThrows(IllegalArgumentException.class, () -> pool.add("bob", "Bob", "sip:bob", "sales", "sales"));
        pool.add("bob", "Bob", "sip:bob", "billing");
        assertThrows(IllegalStateException.class, () -> pool.add("carol", "Carol", "sip:carol", "sales"));
        assertThrows(IllegalArgumentException.class, () -> new CloserPool(skills, 0, 1));
    }

    @Test
    void shouldChangeAndRemoveOnlyALoggedOutCloser()
    {
        final int alice = pool.add("alice", "Alice", "sip:alice@floor", "sales");
        pool.update(alice, "Alice B", "ext:1001", "billing", "sales");
        assertEquals("Alice B", pool.name(alice));
        assertEquals("ext:1001", pool.sipUri(alice));
        assertEquals(2, pool.skillCount(alice));
        assertTrue(pool.hasSkill(alice, skills.skillId("billing")));
        assertThrows(IllegalArgumentException.class, () -> pool.update(alice, "A", "sip:a", "x", "x"));
        assertEquals(2, pool.skillCount(alice), "a refused change changes nothing");

        pool.state(alice, CloserState.AVAILABLE, 10);
        assertThrows(IllegalStateException.class, () -> pool.update(alice, "A", "sip:a", "sales"));
        assertThrows(IllegalStateException.class, () -> pool.remove(alice));
        pool.state(alice, CloserState.OFFLINE, 20);

        pool.remove(alice);
        assertTrue(pool.isRemoved(alice));
        assertEquals(CloserPool.NULL_CLOSER, pool.indexOf("alice"));
        assertEquals(1, pool.add("alice", "Alice again", "sip:alice@floor", "sales"), "the id is free again");
    }

    @Test
    void shouldInternSkillsToDenseIds()
    {
        assertEquals(0, skills.intern("sales"));
        assertEquals(1, skills.intern("billing"));
        assertEquals(0, skills.intern("sales"));
        assertEquals(SkillRegistry.UNKNOWN_SKILL, skills.skillId("spanish"));
        assertEquals("billing", skills.name(1));
        assertEquals(2, skills.size());
        assertEquals(3, skills.capacity());
        skills.intern("spanish");
        assertThrows(IllegalStateException.class, () -> skills.intern("french"));
        assertThrows(IllegalArgumentException.class, () -> skills.name(3));
    }
}
