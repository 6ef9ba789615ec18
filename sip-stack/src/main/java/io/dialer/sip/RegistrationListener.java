/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * Told when an extension of a {@link Registrar} becomes reachable or stops being reachable. Called on a JAIN-SIP
 * thread (a REGISTER), the stack's timer thread (an expiry) or the thread that changed the credentials; one call at a
 * time, in the order the changes happened, never while the registrar's lock is held. Must return at once: publish
 * the event (e.g. into the engine's ring) and do the work elsewhere.
 */
public interface RegistrationListener
{
    /**
     * The extension has a binding: it registered, or registered again from a different Contact (a refresh of the
     * same Contact is not reported).
     *
     * @param extension the extension (the REGISTER's To user).
     * @param contact   the Contact URI to dial now, as {@link Registrar#contact(String)} returns it.
     */
    void onRegistered(String extension, String contact);

    /**
     * The extension no longer has a binding: {@link Registrar#contact(String)} returns null from now on.
     *
     * @param extension the extension.
     * @param cause     why.
     */
    void onUnregistered(String extension, UnregisterCause cause);
}
