/*
 * Dialer core report tests.
 */
package io.dialer.core.report;

import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.RetryPolicy;
import io.dialer.core.journal.CampaignLog;
import io.dialer.core.journal.CloserResult;
import io.dialer.core.journal.Step;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.transfer.TransferOutcome;

/**
 * A campaign of nine leads over two runs, as the journal would replay it: run 1 is killed with lead 5 in a call, run
 * 2 recovers that call, retries lead 0 twice, makes a second transfer and finishes.
 * <pre>
 * lead 0: NO_ANSWER, BUSY, HUNG_UP (attempts exhausted: final)
 * lead 1: MESSAGE_LEFT (final)
 * lead 2: qualified, zoe rejects, adam accepts, TRANSFERRED (final)
 * lead 3: closed DO_NOT_CALL (closed again in run 2: counted once)
 * lead 4: opted out, OPTED_OUT (final)
 * lead 5: in the call when run 1 was killed; recovery records FAILED, retry pending
 * lead 6: never dialed
 * lead 7: closed INVALID_NUMBER
 * lead 8: qualified, zoe no answer, adam busy, ATTEMPTS_EXHAUSTED, CALLBACK (retry pending)
 * </pre>
 */
final class ScriptedCampaign
{
    static final long RUN1_MS = 1_780_000_000_000L;
    static final long RUN2_MS = RUN1_MS + 3_600_000L;
    static final long FINISHED_MS = RUN2_MS + 1_800_000L;
    static final String CAMPAIGN = "spring-solar";
    static final int LEADS = 9;
    static final long NEVER = RetryPolicy.NEVER;

    private ScriptedCampaign()
    {
    }

    /**
     * Run 1, killed with lead 5 in a call (no campaignFinished).
     *
     * @param log where to replay.
     */
    static void run1(final CampaignLog log)
    {
        long t = RUN1_MS;
        log.campaignStarted(t, 1, CAMPAIGN, "leads.csv", LEADS, 2);

        log.dialed(++t, 0, 1, 1, "+12125550100", "window open");
        log.disposition(++t, 0, 1, 1, Disposition.NO_ANSWER, t + 7_200_000L, "ring timeout");

        log.dialed(++t, 1, 2, 1, "+12125550101", "window open");
        log.answered(++t, 1, 2);
        log.verdict(++t, 1, 2, Verdict.MACHINE, Cause.BEEP, 4_100);
        log.disposition(++t, 1, 2, 1, Disposition.MESSAGE_LEFT, NEVER, "");

        log.dialed(++t, 2, 3, 1, "+12125550102", "window open");
        log.answered(++t, 2, 3);
        log.verdict(++t, 2, 3, Verdict.HUMAN, Cause.SHORT_GREETING, 1_200);
        log.answer(++t, 2, 3, "owner", "yes");
        log.answer(++t, 2, 3, "bill", "150");
        log.answer(++t, 2, 3, "roof", "south");
        log.qualified(++t, 2, 3, "solar", "owner, bill 150");
        log.closerAttempt(++t, 2, 3, "zoe", CloserResult.REJECTED);
        log.closerAttempt(++t, 2, 3, "adam", CloserResult.ACCEPTED);
        log.transferEnded(++t, 2, 3, TransferOutcome.COMPLETED, "adam");
        log.disposition(++t, 2, 3, 1, Disposition.TRANSFERRED, NEVER, "adam");

        log.leadClosed(++t, 3, "DO_NOT_CALL", "on the do-not-call list");

        log.dialed(++t, 4, 4, 1, "+12125550104", "window open");
        log.answered(++t, 4, 4);
        log.verdict(++t, 4, 4, Verdict.HUMAN, Cause.SHORT_GREETING, 900);
        log.answer(++t, 4, 4, "owner", "no");
        log.optedOut(++t, 4, "+12125550104");
        log.disposition(++t, 4, 4, 1, Disposition.OPTED_OUT, NEVER, "");

        log.dialed(++t, 5, 5, 1, "+12125550105", "window open");

        for (int i = 1; i <= 100; i++)
        {
            log.latency(++t, Step.DIAL_TO_ANSWER, i * 1_000_000L);
        }
        log.latency(++t, Step.ANSWER_TO_VERDICT, 2_345_678L);
    }

    /**
     * Run 2: recovery of lead 5's call, retries, a second transfer, finished.
     *
     * @param log where to replay.
     */
    static void run2(final CampaignLog log)
    {
        long t = RUN2_MS;
        log.campaignStarted(t, 2, CAMPAIGN, "leads.csv", LEADS, 2);
        log.disposition(++t, 5, 5, 1, Disposition.FAILED, t + 3_600_000L, "killed during the call");

        log.leadClosed(++t, 3, "DO_NOT_CALL", "on the do-not-call list");
        log.leadClosed(++t, 7, "INVALID_NUMBER", "not E.164");

        log.dialed(++t, 0, 1, 2, "+12125550100", "retry delay passed");
        log.disposition(++t, 0, 1, 2, Disposition.BUSY, t + 1_800_000L, "486 Busy Here");
        log.dialed(++t, 0, 2, 3, "+12125550100", "retry delay passed");
        log.answered(++t, 0, 2);
        log.verdict(++t, 0, 2, Verdict.NOTSURE, Cause.TOO_LONG, 5_000);
        log.disposition(++t, 0, 2, 3, Disposition.HUNG_UP, NEVER, "attempts exhausted");

        log.dialed(++t, 8, 3, 1, "+12125550108", "window open");
        log.answered(++t, 8, 3);
        log.verdict(++t, 8, 3, Verdict.HUMAN, Cause.GREETING_THEN_SILENCE, 2_600);
        log.answer(++t, 8, 3, "owner", "yes");
        log.answer(++t, 8, 3, "bill", "220");
        log.qualified(++t, 8, 3, "solar", "owner, bill 220");
        log.closerAttempt(++t, 8, 3, "zoe", CloserResult.NO_ANSWER);
        log.closerAttempt(++t, 8, 3, "adam", CloserResult.BUSY);
        log.transferEnded(++t, 8, 3, TransferOutcome.ATTEMPTS_EXHAUSTED, "");
        log.disposition(++t, 8, 3, 1, Disposition.CALLBACK, t + 86_400_000L, "callback accepted");

        log.latency(++t, Step.ACCEPT_TO_BRIDGE, 250_000L);
        log.latency(++t, Step.ACCEPT_TO_BRIDGE, 300_000L);

        log.campaignFinished(FINISHED_MS, 2);
    }

    /**
     * Both runs into a new builder.
     *
     * @return the builder.
     */
    static ReportBuilder both()
    {
        final ReportBuilder builder = new ReportBuilder();
        run1(builder);
        run2(builder);

        return builder;
    }
}
