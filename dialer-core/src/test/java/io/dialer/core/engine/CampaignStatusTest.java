/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.util.ArrayList;
import java.util.List;

import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.ControlAction;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignStatusTest
{
    private final List<String> journal = new ArrayList<>();
    private final CampaignStatus status = new CampaignStatus(new CampaignLog()
    {
        @Override
        public void control(
            final long timeMs, final ControlAction action, final CharSequence subject, final CharSequence detail,
            final boolean applied)
        {
            journal.add(action + " " + subject + " '" + detail + "' " + (applied ? "applied" : "refused"));
        }
    }, "spring", 3);

    @Test
    void shouldPauseAndResumeDialingJournalingBoth()
    {
        assertTrue(status.pause(1).applied());
        assertFalse(status.dialing());
        assertEquals(CampaignState.Status.PAUSED, status.status());
        assertTrue(status.resume(2).applied());
        assertTrue(status.dialing());
        assertFalse(status.resume(3).applied());

        assertEquals(List.of("CAMPAIGN_PAUSE spring 'paused by a user' applied", "CAMPAIGN_RESUME spring '' applied",
            "CAMPAIGN_RESUME spring 'not paused' refused"), journal);
    }

    @Test
    void shouldSuspendDialingAfterTooManyTrunkFailuresInARowAndSayWhy()
    {
        status.trunkFailed("no response", 1);
        status.trunkFailed("no response", 2);
        status.trunkHandled();
        status.trunkFailed("503 Service Unavailable", 3);
        status.trunkFailed("503 Service Unavailable", 4);
        assertTrue(status.dialing());

        status.trunkFailed("no response from sip:x@10.0.0.1 within 5 s", 5);

        assertEquals(CampaignState.Status.SUSPENDED, status.status());
        assertEquals("3 consecutive trunk failures, the last: no response from sip:x@10.0.0.1 within 5 s",
            status.reason());
        assertEquals(List.of("DIALING_SUSPENDED spring '" + status.reason() + "' applied"), journal);
        assertTrue(status.resume(6).applied());
        assertEquals(0, status.trunkFailures());
    }

    @Test
    void shouldRefuseChangesOnceTheRunIsEnding()
    {
        assertTrue(status.drain(1).applied());
        assertTrue(status.ending());

        assertFalse(status.pause(2).applied());
        assertFalse(status.stop("later", 3).applied());
        assertEquals(CampaignState.Status.DRAINING, status.status());
    }

    @Test
    void shouldStopWithTheReasonGiven()
    {
        assertTrue(status.stop("the time limit passed", 1).applied());

        assertEquals(CampaignState.Status.STOPPING, status.status());
        assertEquals("the time limit passed", status.reason());
    }
}
