/**
 * Qualification scripts: the YAML format managers write, its validation with file, line and column, the compiled
 * immutable {@link io.dialer.qualification.Script}, and the {@link io.dialer.qualification.Conversation}, a pure
 * state machine (events and time in, actions out through an {@link io.dialer.qualification.ActionSink}).
 */
package io.dialer.qualification;
