/*
 * Dialer core.
 */
package io.dialer.core.engine;

import java.util.List;
import java.util.Map;

/**
 * A qualified caller offered to a closer: what the closer's screen shows while the phone rings and the briefing is
 * spoken (the screen pop). Immutable.
 *
 * @param closerId    the closer offered the caller.
 * @param campaign    the caller's campaign.
 * @param callId      the call.
 * @param lead        the lead's index in the campaign's list.
 * @param phone       the caller's number, E.164.
 * @param fields      the lead's fields, in the lead list's column order.
 * @param answers     the caller's answers to the script, in the order given.
 * @param summary     the context summary the briefing speaks.
 * @param offeredAtMs when the closer was offered the caller, epoch ms.
 */
public record Offer(
    String closerId, String campaign, long callId, int lead, String phone, Map<String, String> fields,
    List<Answer> answers, String summary, long offeredAtMs)
{
    /**
     * One answer of the caller.
     *
     * @param question the question's id in the script.
     * @param value    the answer.
     */
    public record Answer(String question, String value)
    {
    }
}
