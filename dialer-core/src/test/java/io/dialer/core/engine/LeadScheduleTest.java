/*
 * Dialer core tests.
 */
package io.dialer.core.engine;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import io.dialer.core.compliance.DialGate;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.DoNotCallList;
import io.dialer.core.compliance.RetryPolicy;
import io.dialer.core.compliance.WindowPolicy;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.RecoveryState;
import io.dialer.core.lead.LeadList;
import io.dialer.core.lead.LeadListReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadScheduleTest
{
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;

    @TempDir
    Path dir;

    private final List<String> journal = new ArrayList<>();
    private final List<Integer> leadTimers = new ArrayList<>();
    private final CampaignLog log = new CampaignLog()
    {
        @Override
        public void leadClosed(final long timeMs, final int lead, final CharSequence reason, final CharSequence detail)
        {
            journal.add("closed " + lead + " " + reason);
        }

        @Override
        public void disposition(
            final long timeMs, final int lead, final long callId, final int attempt, final Disposition disposition,
            final long nextAttemptMs, final CharSequence detail)
        {
            journal.add("disposition " + lead + " call " + callId + " " + disposition + " " + detail);
        }
    };
    private DoNotCallList dnc;
    private EngineTimers timers;
    private LeadSchedule schedule;
    private long now;

    @BeforeEach
    void setUp()
    {
        dnc = new DoNotCallList(dir.resolve("opt-outs.txt"));
        now = monday(10, 0);
        timers = new EngineTimers(now, 4);
        schedule = schedule("phone,state\n+12145550101,TX\n+12145550102,TX\n+12145550103,TX\n");
    }

    @AfterEach
    void tearDown()
    {
        dnc.close();
    }

    private LeadSchedule schedule(final String csv)
    {
        final LeadList leads = new LeadListReader("US").read("leads.csv", csv);
        final RetryPolicy retries = new RetryPolicy.Context().maxAttempts(3).maxAttemptsPerDay(3)
            .delayMs(Disposition.BUSY, 30 * MINUTE).policy();
        return new LeadSchedule(leads, new DialGate(WindowPolicy.defaultPolicy(), retries, dnc), timers, 2,
            log);
    }

    private static long monday(final int hour, final int minute)
    {
        return ZonedDateTime.of(2026, 11, 23, hour, minute, 0, 0, CHICAGO).toInstant().toEpochMilli();
    }

    private void advance(final long toMs)
    {
        now = toMs;
        timers.poll(now, new EngineTimers.Handler()
        {
            @Override
            public void onCallTimer(final long callId, final int timer)
            {
            }

            @Override
            public void onLeadTimer(final int campaign, final int lead)
            {
                assertEquals(2, campaign, "a lead's timer carries its campaign");
                leadTimers.add(lead);
                schedule.onTimer(lead);
            }
        });
    }

    @Test
    void shouldOfferEveryLeadOfANewCampaignInListOrderWithWhyItIsDialable()
    {
        schedule.restore(null, now);

        assertEquals(3, schedule.readyCount());
        assertEquals(0, schedule.nextDialable(now));
        assertTrue(schedule.why().toString().startsWith("ALLOWED +12145550101"), schedule.why().toString());
        assertEquals(1, schedule.dialed(0, now));
        assertEquals(1, schedule.nextDialable(now));
        assertEquals(2, schedule.readyCount() + 1);
    }

    @Test
    void shouldRetryABusyLeadAfterItsDelayOnTheTimerWheel()
    {
        schedule.restore(null, now);
        final int lead = schedule.nextDialable(now);
        schedule.dialed(lead, now);

        final long next = schedule.callEnded(lead, Disposition.BUSY, 0, now + 1_000);

        assertEquals(now + 1_000 + 30 * MINUTE, next);
        assertEquals(1, schedule.waitingCount());
        assertEquals(0, schedule.heldByWindow());
        assertEquals(next, schedule.nextDueMs());
        advance(next - 4);
        assertEquals(List.of(), leadTimers);
        advance(next + 8);
        assertEquals(List.of(lead), leadTimers);
        assertEquals(0, schedule.waitingCount());
        assertEquals(3, schedule.readyCount());
    }

    @Test
    void shouldCloseALeadWhoseDispositionIsFinal()
    {
        schedule.restore(null, now);
        final int lead = schedule.nextDialable(now);
        schedule.dialed(lead, now);

        assertEquals(RetryPolicy.NEVER, schedule.callEnded(lead, Disposition.TRANSFERRED, 0, now));
        assertEquals(1, schedule.leadsDone());
        assertEquals(2, schedule.openLeads());
    }

    @Test
    void shouldHoldLeadsOutsideTheirCallingWindowAndSayWhenTheNextOpens()
    {
        now = monday(6, 30);
        timers = new EngineTimers(now, 4);
        schedule = schedule("phone,state\n+12145550101,TX\n+12145550102,TX\n");
        schedule.restore(null, now);

        assertEquals(-1, schedule.nextDialable(now));

        assertEquals(2, schedule.waitingCount());
        assertEquals(2, schedule.heldByWindow());
        assertEquals(monday(8, 0), schedule.nextDueMs());
        advance(monday(8, 0) + 8);
        assertEquals(0, schedule.heldByWindow());
        assertEquals(0, schedule.nextDialable(now));
    }

    @Test
    void shouldGiveBackTheAttemptOfATrunkFailureAndOfferTheLeadAgainAtOnce()
    {
        schedule.restore(null, now);
        final int lead = schedule.nextDialable(now);
        assertEquals(1, schedule.dialed(lead, now));

        schedule.refund(lead);
        schedule.retryNow(lead, now);

        assertEquals(0, schedule.attempts(lead));
        assertEquals(3, schedule.readyCount());
        for (int i = 0; i < 2; i++)
        {
            assertTrue(schedule.nextDialable(now) >= 0);
        }
        assertEquals(lead, schedule.nextDialable(now));
        assertEquals(1, schedule.dialed(lead, now));
    }

    @Test
    void shouldCloseALeadOnTheDoNotCallListWhenItsTurnComes()
    {
        dnc.add("+12145550101", "test", now);
        schedule.restore(null, now);

        assertEquals(1, schedule.nextDialable(now));

        assertEquals(List.of("closed 0 DO_NOT_CALL"), journal);
        assertEquals(1, schedule.leadsDone());
    }

    @Test
    void shouldRestoreFromTheJournalFailingTheCallThatWasLive()
    {
        final RecoveryState state = new RecoveryState();
        state.campaignStarted(now - HOUR, 1, "c", "leads.csv", 3, 1);
        state.dialed(now - HOUR, 0, 17, 1, "+12145550101", "ok");
        state.disposition(now - HOUR + 1, 0, 17, 1, Disposition.TRANSFERRED, RetryPolicy.NEVER, "c1");
        state.dialed(now - 2 * MINUTE, 1, 33, 1, "+12145550102", "ok");

        schedule.restore(state, now);

        assertEquals(List.of("disposition 1 call 33 FAILED dialer restarted during the call"), journal);
        assertEquals(1, schedule.leadsDone());
        assertEquals(1, schedule.attempts(1));
        assertEquals(1, schedule.waitingCount(), "the failed call's lead waits for its retry delay");
        assertEquals(2, schedule.nextDialable(now));
    }
}
