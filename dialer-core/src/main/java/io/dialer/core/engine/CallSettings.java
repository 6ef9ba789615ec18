/*
 * Dialer core.
 */
package io.dialer.core.engine;

import io.dialer.core.compliance.AbandonmentRule;
import io.dialer.qualification.Script;
import io.dialer.transfer.TransferConfiguration;

/**
 * The settings a call flow needs from the campaign.
 *
 * @param script           the qualification script.
 * @param transfer         the warm transfer's settings, concluded.
 * @param leaveMessage     leave the voicemail message after the beep (false: hang up on machines).
 * @param verdictTimeoutMs no verdict this long after the answer: treated as a person.
 * @param beepTimeoutMs    no beep this long after a MACHINE verdict: hang up.
 * @param callbackOffer    the callback times a returned caller may pick.
 * @param abandonment      the abandonment rule (delay, safe-harbor message, rule basis).
 */
record CallSettings(
    Script script, TransferConfiguration.Context transfer, boolean leaveMessage, long verdictTimeoutMs,
    long beepTimeoutMs, CallbackOffer callbackOffer, AbandonmentRule abandonment)
{
}
