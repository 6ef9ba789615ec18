/*
 * Dialer server.
 */
package io.dialer.server;

import io.dialer.server.storage.UploadKind;

/**
 * Whether an upload is in use (a campaign uses the lead list, script or closers file), asked before it is deleted:
 * an upload in use is not deleted and the request is refused with 409 and the reason. The server asks the check
 * under the kind's lock, so two deletes do not race each other; a campaign that starts using an upload takes its own
 * care of an upload deleted at that moment.
 */
@FunctionalInterface
public interface InUseCheck
{
    /**
     * Nothing is ever in use (no campaigns yet).
     */
    InUseCheck NEVER = (kind, id) -> null;

    /**
     * Who uses an upload.
     *
     * @param kind the kind of upload.
     * @param id   its id.
     * @return why it cannot be deleted, like {@code campaign 'spring' uses it}, or null when it is free.
     */
    String usedBy(UploadKind kind, String id);
}
