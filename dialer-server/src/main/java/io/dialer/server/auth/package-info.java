/**
 * Users, their passwords (Argon2id), server-side sessions, API tokens and the login rate limit.
 */
package io.dialer.server.auth;
