/**
 * Closer pool, matcher and the warm-transfer state machine: a pure library, single writer, no locks, no I/O and no
 * clock. Time and events come in as arguments; commands go out as plain values through
 * {@link io.dialer.transfer.TransferCommands} and {@link io.dialer.transfer.MatchListener}.
 * <ul>
 *     <li>{@link io.dialer.transfer.SkillRegistry} interns skill names to dense int ids at configuration time.</li>
 *     <li>{@link io.dialer.transfer.CloserPool} holds the closers (id, name, SIP URI, skills) and their state.</li>
 *     <li>{@link io.dialer.transfer.Matcher} gives a waiting caller the longest-idle available closer with the skill,
 *     or queues the caller in a per-skill FIFO; every operation is O(skills of one closer) with no allocation.</li>
 *     <li>{@link io.dialer.transfer.WarmTransfer} is the per-transfer state machine (hold, dial, briefing,
 *     accept/reject, bridge, retries, hold limit).</li>
 * </ul>
 */
package io.dialer.transfer;
