/*
 * Dialer SIP signalling tests.
 */
package io.dialer.sip;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every path of the media release's decisions: each event in each state, with every command compared exactly.
 */
class MediaReleaseTest
{
    private static final long STEP = 4_000;

    private final List<String> commands = new ArrayList<>();
    private final MediaRelease release = new MediaRelease(new Recorder(), STEP);

    private List<String> take()
    {
        final List<String> taken = new ArrayList<>(commands);
        commands.clear();
        return taken;
    }

    private void startAndMoveCaller()
    {
        release.start(true, 0);
        release.onCallerAnswer(200, 100);
        commands.clear();
        assertEquals(MediaRelease.State.MOVING_CLOSER, release.state());
    }

    @Test
    void shouldReInviteTheCallerFirstWithTheClosersMedia()
    {
        release.start(true, 1_000);

        assertEquals(List.of("timer 5000", "offerCallerTheCloser"), take());
        assertEquals(MediaRelease.State.MOVING_CALLER, release.state());
    }

    @Test
    void shouldReleaseWhenBothAccept()
    {
        release.start(true, 0);
        take();

        release.onCallerAnswer(200, 100);
        assertEquals(List.of("timer 4100", "offerCloserTheCaller"), take());

        release.onCloserAnswer(200, 250);
        assertEquals(List.of("cancelTimer", "releaseMedia", "done RELEASED 0"), take());
        assertEquals(MediaRelease.State.RELEASED, release.state());
    }

    @Test
    void shouldStayAnchoredWithoutReInvitingWhenTheCodecsDiffer()
    {
        release.start(false, 0);

        assertEquals(List.of("done CODECS_DIFFER 0"), take());
        assertEquals(MediaRelease.State.ANCHORED, release.state());
    }

    @Test
    void shouldStayAnchoredWhenTheCallerRefuses()
    {
        for (final int status : new int[]{488, 415, 500, 491, 0})
        {
            final MediaRelease fresh = new MediaRelease(new Recorder(), STEP);
            fresh.start(true, 0);
            take();

            fresh.onCallerAnswer(status, 50);

            assertEquals(List.of("cancelTimer", "done CALLER_REFUSED " + status), take());
            assertEquals(MediaRelease.State.ANCHORED, fresh.state());
        }
    }

    @Test
    void shouldStayAnchoredWhenTheCallerDoesNotAnswerInTime()
    {
        release.start(true, 0);
        take();

        release.onTimer(STEP - 1);
        assertEquals(List.of(), take(), "early timer");
        release.onTimer(STEP);

        assertEquals(List.of("done CALLER_REFUSED 408"), take());
        assertEquals(MediaRelease.State.ANCHORED, release.state());
    }

    @Test
    void shouldBringTheCallerBackWhenItsLateAnswerMovedIt()
    {
        release.start(true, 0);
        release.onTimer(STEP);
        take();

        release.onCallerAnswer(200, STEP + 500);
        assertEquals(List.of("restoreCaller"), take());

        release.onCallerAnswer(200, STEP + 600);
        assertEquals(List.of(), take(), "the restore's own answer changes nothing");
        assertEquals(MediaRelease.State.ANCHORED, release.state());
    }

    @Test
    void shouldIgnoreALateRefusalOfTheCaller()
    {
        release.start(true, 0);
        release.onTimer(STEP);
        take();

        release.onCallerAnswer(408, 32_000);

        assertEquals(List.of(), take());
    }

    @Test
    void shouldBringTheCallerBackWhenTheCloserRefuses()
    {
        startAndMoveCaller();

        release.onCloserAnswer(488, 200);
        assertEquals(List.of("timer 4200", "restoreCaller"), take());
        assertEquals(MediaRelease.State.RESTORING_CALLER, release.state());

        release.onCallerAnswer(200, 300);
        assertEquals(List.of("cancelTimer", "done CLOSER_REFUSED 488"), take());
        assertEquals(MediaRelease.State.ANCHORED, release.state());
    }

    @Test
    void shouldBringTheCallerBackWhenTheCloserDoesNotAnswerInTime()
    {
        startAndMoveCaller();

        release.onTimer(100 + STEP);
        assertEquals(List.of("timer " + (100 + 2 * STEP), "restoreCaller"), take());

        release.onCallerAnswer(200, 4_300);
        assertEquals(List.of("cancelTimer", "done CLOSER_REFUSED 408"), take());
    }

    @Test
    void shouldBringTheCloserBackWhenItsLateAnswerMovedIt()
    {
        startAndMoveCaller();
        release.onTimer(100 + STEP);
        take();

        release.onCloserAnswer(200, 4_200);
        assertEquals(List.of("restoreCloser"), take(), "while the caller is being restored");

        release.onCallerAnswer(200, 4_300);
        assertEquals(List.of("cancelTimer", "done CLOSER_REFUSED 408"), take());
        release.onCloserAnswer(200, 4_400);
        assertEquals(List.of(), take(), "the closer's restore answer changes nothing");
    }

    @Test
    void shouldBringTheCloserBackWhenItsLateAnswerComesAfterTheFallback()
    {
        startAndMoveCaller();
        release.onTimer(100 + STEP);
        release.onCallerAnswer(200, 4_200);
        take();

        release.onCloserAnswer(200, 9_000);

        assertEquals(List.of("restoreCloser"), take());
        assertEquals(MediaRelease.State.ANCHORED, release.state());
    }

    @Test
    void shouldReportARestoreTheCallerRefused()
    {
        startAndMoveCaller();
        release.onCloserAnswer(500, 200);
        take();

        release.onCallerAnswer(488, 300);

        assertEquals(List.of("cancelTimer", "done RESTORE_FAILED 488"), take());
        assertEquals(MediaRelease.State.ANCHORED, release.state());
    }

    @Test
    void shouldReportARestoreTheCallerDidNotAnswer()
    {
        startAndMoveCaller();
        release.onCloserAnswer(415, 200);
        take();

        release.onTimer(200 + STEP);

        assertEquals(List.of("done RESTORE_FAILED 408"), take());
    }

    @Test
    void shouldEndWhenALegEndsInEveryRunningState()
    {
        release.start(true, 0);
        take();
        release.onLegEnded(10);
        assertEquals(List.of("cancelTimer", "done ENDED 0"), take());
        assertEquals(MediaRelease.State.ENDED, release.state());

        final MediaRelease moving = new MediaRelease(new Recorder(), STEP);
        moving.start(true, 0);
        moving.onCallerAnswer(200, 10);
        take();
        moving.onLegEnded(20);
        assertEquals(List.of("cancelTimer", "done ENDED 0"), take());

        final MediaRelease restoring = new MediaRelease(new Recorder(), STEP);
        restoring.start(true, 0);
        restoring.onCallerAnswer(200, 10);
        restoring.onCloserAnswer(488, 20);
        take();
        restoring.onLegEnded(30);
        assertEquals(List.of("cancelTimer", "done ENDED 0"), take());
    }

    @Test
    void shouldIgnoreEventsOnceOver()
    {
        startAndMoveCaller();
        release.onCloserAnswer(200, 200);
        take();

        release.onLegEnded(300);
        release.onCallerAnswer(200, 300);
        release.onCloserAnswer(488, 300);
        release.onTimer(1_000_000);
        release.start(true, 400);

        assertEquals(List.of(), take());
        assertEquals(MediaRelease.State.RELEASED, release.state());
    }

    @Test
    void shouldIgnoreACancelledOrStaleTimer()
    {
        startAndMoveCaller();
        release.onCloserAnswer(200, 200);
        take();

        release.onTimer(100 + STEP);

        assertEquals(List.of(), take());
    }

    @Test
    void shouldIgnoreTheClosersAnswerBeforeItWasAsked()
    {
        release.start(true, 0);
        take();

        release.onCloserAnswer(200, 10);

        assertEquals(List.of(), take());
        assertEquals(MediaRelease.State.MOVING_CALLER, release.state());
    }

    @Test
    void shouldRefuseANonPositiveStepTimeout()
    {
        assertThrows(IllegalArgumentException.class, () -> new MediaRelease(new Recorder(), 0));
    }

    private final class Recorder implements MediaRelease.Commands
    {
        public void offerCallerTheCloser()
        {
            commands.add("offerCallerTheCloser");
        }

        public void offerCloserTheCaller()
        {
            commands.add("offerCloserTheCaller");
        }

        public void restoreCaller()
        {
            commands.add("restoreCaller");
        }

        public void restoreCloser()
        {
            commands.add("restoreCloser");
        }

        public void releaseMedia()
        {
            commands.add("releaseMedia");
        }

        public void startTimer(final long deadlineMs)
        {
            commands.add("timer " + deadlineMs);
        }

        public void cancelTimer()
        {
            commands.add("cancelTimer");
        }

        public void done(final ReleaseOutcome outcome, final int sipStatus)
        {
            commands.add("done " + outcome + " " + sipStatus);
        }
    }
}
