/*
 * Dialer core journal tests.
 */
package io.dialer.core.journal;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.dialer.core.compliance.CallProof;
import io.dialer.core.compliance.Disposition;
import io.dialer.detection.Cause;
import io.dialer.detection.Verdict;
import io.dialer.sip.ReleaseOutcome;
import io.dialer.transfer.TransferOutcome;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JournalTest
{
    private static final String NON_ASCII = "Zoë Ørsted — 日本語 😀 ok";

    @TempDir
    Path dir;

    @Test
    void shouldReplayEveryRecordTypeWithEveryEnumValueExactly()
    {
        final RecordingLog expected = new RecordingLog();
        writeEverything(expected, 1);
        try (Journal journal = Journal.open(dir))
        {
            writeEverything(journal.decisions(), 1);
        }

        final RecordingLog replayed = new RecordingLog();
        final long count = Journal.replay(dir, replayed);

        assertEquals(expected.records, replayed.records);
        assertEquals(expected.records.size(), count);
        assertTrue(count > 40, "every enum value written: " + count);
    }

    @Test
    void shouldReplayBothRunsInOrderAfterReopening()
    {
        final RecordingLog expected = new RecordingLog();
        try (Journal journal = Journal.open(dir))
        {
            writeRun(journal.decisions(), 1, false);
            writeRun(expected, 1, false);
        }
        try (Journal journal = Journal.open(dir))
        {
            writeRun(journal.decisions(), 2, true);
            writeRun(expected, 2, true);
        }

        final RecordingLog replayed = new RecordingLog();
        assertEquals(expected.records.size(), Journal.replay(dir, replayed));
        assertEquals(expected.records, replayed.records);
        assertTrue(replayed.records.get(0).startsWith("campaignStarted|1000|1|"));
        assertTrue(replayed.records.get(replayed.records.size() - 1).startsWith("campaignFinished|2000|2"));
    }

    @Test
    void shouldWriteNullTextAsEmptyAndUnpairedSurrogatesAsQuestionMarks()
    {
        try (Journal journal = Journal.open(dir))
        {
            journal.decisions().leadClosed(1, 2, null, "a\uD800b\uDC00c");
            journal.decisions().answer(3, 4, 5, "", "x\uD83D");
        }

        final RecordingLog replayed = new RecordingLog();
        Journal.replay(dir, replayed);

        assertEquals(List.of("leadClosed|1|2|\"\"|\"a?b?c\"", "answer|3|4|5|\"\"|\"x?\""), replayed.records);
    }

    @Test
    void shouldReplayNothingWithoutAJournal()
    {
        assertEquals(0, Journal.replay(dir.resolve("missing"), new RecordingLog()));
        final EventVisitor ignore = (type, timeNanos, callId, a, b, c) ->
        {
        };
        assertEquals(0, Journal.replayEvents(dir.resolve("missing"), ignore));
        assertEquals(0, Journal.replayEvents(dir, ignore));
        assertEquals(0, Journal.replay(dir, new RecordingLog()));
    }

    @Test
    void shouldSkipUnknownTruncatedAndUnreadableRecords()
    {
        try (Journal journal = Journal.open(dir))
        {
            journal.decisions().answered(1, 2, 3);
            journal.appendRawDecision(new byte[]{ 99, 1, 2, 3, 4, 5, 6, 7, 8, 9 });
            journal.appendRawDecision(new byte[]{ JournalCodec.DIALED, 1, 2, 3 });
            journal.appendRawDecision(verdictNamed("ROBOT"));
            journal.appendRawDecision(dispositionWithTextLength(1000));
            journal.appendRawDecision(new byte[]{ 0 });
            journal.decisions().answered(4, 5, 6);
        }

        final RecordingLog replayed = new RecordingLog();
        final long count = Journal.replay(dir, replayed);

        assertEquals(List.of("answered|1|2|3", "answered|4|5|6"), replayed.records);
        assertEquals(2, count);
    }

    @Test
    void shouldReadAVersionOneJournalWhoseCampaignStartedNamesNoVersion()
    {
        try (Journal journal = Journal.open(dir))
        {
            final Bytes<?> bytes = Bytes.allocateElasticOnHeap(64);
            bytes.writeByte(JournalCodec.CAMPAIGN_STARTED).writeLong(5).writeInt(1);
            writeVarint(bytes, 1);
            bytes.write("c");
            writeVarint(bytes, 9);
            bytes.write("leads.csv");
            bytes.writeInt(3).writeInt(2);
            journal.appendRawDecision(bytes.toByteArray());
            journal.decisions().answered(6, 0, 1);
        }

        final RecordingLog replayed = new RecordingLog();
        assertEquals(2, Journal.replay(dir, replayed));
        assertEquals(List.of("campaignStarted|5|1|\"c\"|\"leads.csv\"|3|2", "answered|6|0|1"), replayed.records);
    }

    @Test
    void shouldRefuseAJournalOfALaterFormatVersionNamingBoth()
    {
        try (Journal journal = Journal.open(dir))
        {
            final Bytes<?> bytes = Bytes.allocateElasticOnHeap(64);
            bytes.writeByte(JournalCodec.CAMPAIGN_STARTED).writeLong(5).writeInt(1);
            writeVarint(bytes, 1);
            bytes.write("c");
            writeVarint(bytes, 1);
            bytes.write("l");
            bytes.writeInt(3).writeInt(2).writeInt(JournalCodec.FORMAT_VERSION + 1);
            journal.appendRawDecision(bytes.toByteArray());
        }

        final IllegalStateException refused =
            assertThrows(IllegalStateException.class, () -> Journal.replay(dir, new RecordingLog()));
        assertTrue(refused.getMessage().contains("format version " + (JournalCodec.FORMAT_VERSION + 1)),
            refused.getMessage());
        assertTrue(refused.getMessage().contains("versions 1 to " + JournalCodec.FORMAT_VERSION), refused.getMessage());
    }

    @Test
    void shouldAcceptBytesAppendedAfterTheKnownFields()
    {
        try (Journal journal = Journal.open(dir))
        {
            final Bytes<?> bytes = Bytes.allocateElasticOnHeap(64);
            bytes.writeByte(JournalCodec.CAMPAIGN_FINISHED).writeLong(7).writeInt(3).writeLong(42);
            journal.appendRawDecision(bytes.toByteArray());
        }

        final RecordingLog replayed = new RecordingLog();
        Journal.replay(dir, replayed);

        assertEquals(List.of("campaignFinished|7|3"), replayed.records);
    }

    @Test
    void shouldReplayEventsAppendedFromAnotherThread() throws InterruptedException
    {
        try (Journal journal = Journal.open(dir))
        {
            journal.decisions().answered(1, 2, 3);
            final Thread writer = new Thread(() ->
            {
                for (int i = 0; i < 1000; i++)
                {
                    journal.appendEvent(i % 7, 1_000_000L * i, i, -i, Long.MAX_VALUE - i, Integer.MIN_VALUE + i);
                }
            });
            writer.start();
            writer.join(TimeUnit.SECONDS.toMillis(20));
            assertTrue(!writer.isAlive());
        }

        final List<String> events = new ArrayList<>();
        final long count = Journal.replayEvents(
            dir, (type, timeNanos, callId, a, b, c) -> events.add(type + "," + timeNanos + "," + callId + "," + a +
            "," + b + "," + c));

        assertEquals(1000, count);
        assertEquals(1000, events.size());
        for (int i = 0; i < 1000; i++)
        {
            assertEquals((i % 7) + "," + 1_000_000L * i + "," + i + "," + -i + "," + (Long.MAX_VALUE - i) + "," +
                (Integer.MIN_VALUE + i), events.get(i));
        }
        assertEquals(1, Journal.replay(dir, new RecordingLog()));
    }

    @Test
    void shouldReplayEventsWrittenInBatchesInOrderAndSkipADamagedDocument()
    {
        int next = 0;
        try (Journal journal = Journal.open(dir))
        {
            // batches around the document limit, single appends between them, an empty flush
            for (final int batch : new int[] {1, Journal.EVENTS_PER_DOCUMENT - 1, Journal.EVENTS_PER_DOCUMENT,
                Journal.EVENTS_PER_DOCUMENT + 1, 2 * Journal.EVENTS_PER_DOCUMENT + 3})
            {
                for (int i = 0; i < batch; i++, next++)
                {
                    journal.bufferEvent(next % 7, next, next, -next, 2L * next, next);
                }
                journal.flushEvents();
                journal.flushEvents();
                journal.appendEvent(next % 7, next, next, -next, 2L * next, next);
                next++;
            }
            journal.appendRawEvents(new byte[JournalCodec.EVENT_LENGTH + 1]);
            journal.bufferEvent(next % 7, next, next, -next, 2L * next, next);
            next++;
            journal.flushEvents();
        }

        final List<Long> seen = new ArrayList<>();
        final long count = Journal.replayEvents(dir, (type, timeNanos, callId, a, b, c) ->
        {
            assertEquals(callId % 7, type);
            assertEquals(-callId, a);
            assertEquals(2 * callId, b);
            assertEquals(callId, c);
            seen.add(timeNanos);
        });

        assertEquals(next, count);
        for (int i = 0; i < next; i++)
        {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void shouldAppendWithoutAllocating()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        final StringBuilder number = new StringBuilder("+1310555");
        try (Journal journal = Journal.open(dir))
        {
            final CampaignLog log = journal.decisions();
            appendCalls(journal, log, number, 10_000);
            final long before = threads.getThreadAllocatedBytes(threadId);
            appendCalls(journal, log, number, 10_000);
            final long allocated = threads.getThreadAllocatedBytes(threadId) - before;

            // 50,000 records: one 16-byte object per record would be 800 KB. Chronicle allocates a little when it maps
            // the next chunk of the file (25 KB seen now and then), so the bound is 2 bytes a record, not zero.
            assertTrue(allocated < 100 * 1024, "allocated " + allocated + " bytes over 50,000 records");
        }
    }

    private static void appendCalls(
        final Journal journal, final CampaignLog log, final StringBuilder number, final int n)
    {
        for (int i = 0; i < n; i++)
        {
            number.setLength(8);
            number.append(1000 + (i & 4095));
            log.dialed(i, i & 1023, i, 1, number, "window ok, dnc v3, attempt 1/3");
            log.verdict(i, i & 1023, i, Verdict.HUMAN, Cause.SHORT_GREETING, 1200);
            log.disposition(i, i & 1023, i, 1, Disposition.NO_ANSWER, i + 7_200_000L, "SIP 480 Zoë");
            log.latency(i, Step.DIAL_TO_ANSWER, 123_456);
            journal.appendEvent(1, i, i, 2, 3, 4);
        }
    }

    private static byte[] verdictNamed(final String name)
    {
        final Bytes<?> bytes = Bytes.allocateElasticOnHeap(64);
        bytes.writeByte(JournalCodec.VERDICT).writeLong(1).writeInt(2).writeLong(3);
        bytes.writeByte((byte)name.length()).write(name);
        writeName(bytes, Cause.BEEP.name());
        bytes.writeInt(500);

        return bytes.toByteArray();
    }

    private static void writeName(final Bytes<?> bytes, final String name)
    {
        bytes.writeByte((byte)name.length()).write(name);
    }

    private static void writeVarint(final Bytes<?> bytes, final long value)
    {
        long v = value;
        while ((v & ~0x7FL) != 0)
        {
            bytes.writeByte((byte)(0x80 | (v & 0x7F)));
            v >>>= 7;
        }
        bytes.writeByte((byte)v);
    }

    private static byte[] dispositionWithTextLength(final int length)
    {
        final Bytes<?> bytes = Bytes.allocateElasticOnHeap(64);
        bytes.writeByte(JournalCodec.DISPOSITION).writeLong(1).writeInt(2).writeLong(3).writeInt(1);
        writeName(bytes, Disposition.BUSY.name());
        bytes.writeLong(4);
        writeVarint(bytes, length);
        bytes.write("short");

        return bytes.toByteArray();
    }

    static void writeEverything(final CampaignLog log, final int run)
    {
        log.campaignStarted(1_700_000_000_000L, run, "Été 2026 — assurance", "leads/北京.csv", 120_000, 7);
        log.dialed(1_700_000_000_001L, 0, 1, 1, "+13105550100", "window 08:00-21:00 America/Los_Angeles, dnc v12");
        log.leadClosed(1_700_000_000_002L, 119_999, "DO_NOT_CALL", "on the internal list since " + NON_ASCII);
        log.answered(1_700_000_000_003L, 0, 1);
        int i = 0;
        for (final Verdict verdict : Verdict.values())
        {
            for (final Cause cause : Cause.values())
            {
                log.verdict(1_700_000_000_004L + i, i, Long.MAX_VALUE - i, verdict, cause, i * 10);
                i++;
            }
        }
        log.answer(1_700_000_000_100L, 0, 1, "age", NON_ASCII);
        log.qualified(1_700_000_000_101L, 0, 1, "auto-ins", "Driver, 34, two cars; wants a quote — München");
        for (final CloserResult result : CloserResult.values())
        {
            log.closerAttempt(1_700_000_000_200L + result.ordinal(), 0, 1, "closer-" + result.ordinal(), result);
        }
        for (final TransferOutcome outcome : TransferOutcome.values())
        {
            log.transferEnded(1_700_000_000_300L, 0, 1, outcome, outcome == TransferOutcome.COMPLETED ? "c1" : "");
        }
        for (final ReleaseOutcome outcome : ReleaseOutcome.values())
        {
            log.mediaRelease(1_700_000_000_350L, 0, 1, outcome, outcome.released() ? 0 : 488 + outcome.ordinal());
        }
        for (final Disposition disposition : Disposition.values())
        {
            log.disposition(1_700_000_000_400L, disposition.ordinal(), 1, 3, disposition,
                disposition.isFinal() ? Long.MAX_VALUE : 1_700_000_100_000L, "SIP 486 Busy Here " + NON_ASCII);
        }
        log.optedOut(1_700_000_000_500L, 0, "+13105550100");
        for (final Step step : Step.values())
        {
            log.latency(1_700_000_000_600L, step, 1L << (step.ordinal() * 8));
        }
        log.attemptRefunded(1_700_000_000_650L, 7, 77, "trunk failure");
        for (final ControlAction action : ControlAction.values())
        {
            log.control(1_700_000_000_660L, action, "dana", NON_ASCII, action.ordinal() % 2 == 0);
        }
        log.campaignStopped(1_700_000_000_670L, run, "stopped by a user", 1234, 56, 1_700_000_003_600L);
        log.callProof(1_700_000_000_680L, 7, 4097, 1_700_000_000_100L, 1_700_000_000_900L, 0, 0,
            CallProof.PERSON | CallProof.ABANDONED | CallProof.SAFE_HARBOR, NON_ASCII, 0.03);
        log.callProof(1_700_000_000_690L, 8, 4098, 1_700_000_000_200L, 1_700_000_000_950L, 1_700_000_000_951L,
            1_700_000_009_000L, CallProof.PERSON | CallProof.HOLD_DROP | CallProof.FALSE_MACHINE, "", 0.5);
        log.dialed(Long.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE, "", "");
        log.latency(-1, Step.ACCEPT_TO_BRIDGE, -1);
        log.campaignFinished(1_700_000_000_700L, run);
    }

    private static void writeRun(final CampaignLog log, final int run, final boolean finish)
    {
        log.campaignStarted(run * 1000L, run, "c", "leads.csv", 3, 1);
        log.dialed(run * 1000L + 1, run, run * 10L, run, "+1310555010" + run, "ok");
        log.disposition(run * 1000L + 2, run, run * 10L, run, Disposition.BUSY, run * 1000L + 600, "486");
        if (finish)
        {
            log.campaignFinished(run * 1000L, run);
        }
    }
}
