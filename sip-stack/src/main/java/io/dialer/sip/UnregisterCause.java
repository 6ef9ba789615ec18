/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * Why an extension lost its binding, for {@link RegistrationListener#onUnregistered(String, UnregisterCause)}.
 */
public enum UnregisterCause
{
    /** The phone unregistered: {@code Expires: 0} for its Contact, or {@code Contact: *}. */
    UNREGISTERED,
    /** The binding was not refreshed before its granted interval ran out. */
    EXPIRED,
    /** The extension's credentials were changed: the phone must register again with the new password. */
    CREDENTIALS_CHANGED,
    /** The extension's credentials were removed: it cannot register any more. */
    CREDENTIALS_REMOVED
}
