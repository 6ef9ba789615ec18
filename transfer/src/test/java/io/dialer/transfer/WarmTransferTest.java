/*
 * Dialer transfer module tests.
 */
package io.dialer.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmTransferTest
{
    static Stream<Arguments> scenarios() throws IOException
    {
        final String text;
        try (InputStream in = WarmTransferTest.class.getResourceAsStream("warm-transfer-scenarios.txt"))
        {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        final List<Arguments> scenarios = new ArrayList<>();
        for (final String block : text.split("(?m)^=== "))
        {
            if (block.startsWith("#"))
            {
                continue;
            }
            final int newline = block.indexOf('\n');
            scenarios.add(Arguments.of(Named.of(block.substring(0, newline), block.substring(newline + 1))));
        }
        return scenarios.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shouldProduceExactlyTheCommandsOfEachScenario(final String script)
    {
        final WarmTransfer transfer = TransferScript.run(script);
        if (transfer.state().terminal())
        {
            assertNotNull(transfer.outcome());
            for (final TimerKind kind : TimerKind.values())
            {
                assertFalse(transfer.isArmed(kind), "timer left armed: " + kind);
            }
        }
    }

    @Test
    void shouldHaveTheWholeScenarioTable() throws IOException
    {
        final List<Arguments> all = scenarios().toList();
        assertTrue(all.size() >= 40, "scenario table too small: " + all.size());
    }

    @Test
    void shouldFailAScenarioWhoseCommandsDiffer()
    {
        assertThrows(AssertionFailedError.class, () -> TransferScript.run("""
            0 start
                journal START IDLE->WAITING_FOR_CLOSER
                caller HOLD_MUSIC loop
            """));
    }

    @Test
    void shouldAcceptAnAssignmentMadeFromInsideRequestCloser()
    {
        final RecordingCommands recorder = new RecordingCommands();
        final WarmTransfer[] holder = new WarmTransfer[1];
        final TransferCommands reentrant = new DelegatingCommands(recorder)
        {
            public void requestCloser(final long transferId, final int skill, final int excludedCloser)
            {
                super.requestCloser(transferId, skill, excludedCloser);
                holder[0].onCloserAssigned(excludedCloser == 1 ? 2 : 1, 0);
            }
        };
        holder[0] = new WarmTransfer(TransferScript.context(null), reentrant);

        holder[0].start(1, 0, 0);
        assertEquals(TransferState.DIALING_CLOSER, holder[0].state());
        assertEquals(1, holder[0].closer());

        holder[0].onCloserBusy(1, 10);
        assertEquals(TransferState.DIALING_CLOSER, holder[0].state());
        assertEquals(2, holder[0].closer());
        assertEquals(2, holder[0].attempts());
    }

    @Test
    void shouldBeReusableAfterItEnds()
    {
        final RecordingCommands commands = new RecordingCommands();
        final WarmTransfer transfer = new WarmTransfer(TransferScript.context(null), commands);
        transfer.start(1, 0, 0);
        transfer.onCallerHungUp(5);
        assertEquals(TransferOutcome.CALLER_HUNG_UP, transfer.outcome());

        transfer.start(2, 3, 1_000);
        assertEquals(TransferState.WAITING_FOR_CLOSER, transfer.state());
        assertEquals(2, transfer.transferId());
        assertEquals(3, transfer.skill());
        assertEquals(0, transfer.attempts());
        assertNull(transfer.outcome());
        assertEquals(121_000, transfer.holdDeadlineMs());
        assertEquals(121_000, transfer.deadlineMs(TimerKind.HOLD_LIMIT));
    }

    @Test
    void shouldRefuseToStartOrResetWhileActive()
    {
        final WarmTransfer transfer = new WarmTransfer(TransferScript.context(null), new RecordingCommands());
        transfer.start(1, 0, 0);
        assertThrows(IllegalStateException.class, () -> transfer.start(2, 0, 1));
        assertThrows(IllegalStateException.class, transfer::reset);
        assertEquals(1, transfer.transferId());
        assertEquals(TransferState.WAITING_FOR_CLOSER, transfer.state());
    }

    @Test
    void shouldReportEveryEventOnAnIdleTransferAsIgnored()
    {
        final RecordingCommands commands = new RecordingCommands();
        final WarmTransfer transfer = new WarmTransfer(TransferScript.context(null), commands);
        transfer.onCallerHungUp(0);
        transfer.onCloserAnswered(CloserPool.NULL_CLOSER, 0);
        transfer.onConsoleAccept(0);
        transfer.onTimer(TimerKind.HOLD_LIMIT, 0);
        transfer.onBridged(0);
        assertEquals(List.of(
            "ignored CALLER_HUNG_UP in IDLE",
            "ignored CLOSER_ANSWERED in IDLE",
            "ignored CONSOLE_ACCEPT in IDLE",
            "ignored HOLD_LIMIT_TIMER in IDLE",
            "ignored BRIDGED in IDLE"), commands.drain());
    }

    private static void assertNotNull(final Object value)
    {
        org.junit.jupiter.api.Assertions.assertNotNull(value);
    }
}
