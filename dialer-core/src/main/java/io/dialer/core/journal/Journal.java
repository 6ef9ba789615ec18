/*
 * Dialer core: journal.
 */
package io.dialer.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

import net.openhft.chronicle.bytes.Bytes;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer's journal: two Chronicle queues (binary, one file a day) under one directory.
 * <ul>
 *     <li>{@code decisions}: one record per {@link CampaignLog} call of the call controller, in the layout of
 *     {@link JournalCodec} (described in {@code docs/journal.md}); {@link #replay} reads them back in order. Recovery
 *     and the report are built from it alone.</li>
 *     <li>{@code events}: the pipeline's raw input events ({@link #appendEvent}), for audit and debugging;
 *     {@link #replayEvents} reads them back.</li>
 * </ul>
 * Each queue has a single writer thread (one for the decisions, another for the events); appending allocates
 * nothing once the thread's appender exists. A restart opens the same directory and appends after what is there.
 * <p>
 * <b>Durability.</b> Records are written to memory-mapped files: once an append returns, the record is in the
 * operating system's page cache, so it survives the process being killed (even with SIGKILL) and is there for the
 * next run. It does not survive a power loss or a kernel crash unless the pages were synced to disk, which this
 * journal does not do on every record. A kill during an append leaves at most that one record unfinished; Chronicle
 * never shows it to readers, and the next writer's open releases the dead process's write lock.
 */
public final class Journal implements AutoCloseable
{
    /** The decisions queue's directory, under the journal directory. */
    public static final String DECISIONS = "decisions";
    /** The input events queue's directory, under the journal directory. */
    public static final String EVENTS = "events";

    static final RollCycle ROLL_CYCLE = RollCycles.FAST_DAILY;
    /**
     * Input events per events document at most: the pipeline's input journal writes each ring batch of events as
     * one document (a Chronicle append costs ~150 ns whatever its size), split at this many.
     */
    public static final int EVENTS_PER_DOCUMENT = 64;

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final SingleChronicleQueue decisionsQueue;
    private final SingleChronicleQueue eventsQueue;
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(256);
    private final ExpandableArrayBuffer eventBatch =
        new ExpandableArrayBuffer(EVENTS_PER_DOCUMENT * JournalCodec.EVENT_LENGTH);
    private int batchedEvents;
    private final JournalCodec.Encoder decisions;
    private ExcerptAppender decisionAppender;
    private ExcerptAppender eventAppender;

    private Journal(final SingleChronicleQueue decisionsQueue, final SingleChronicleQueue eventsQueue)
    {
        this.decisionsQueue = decisionsQueue;
        this.eventsQueue = eventsQueue;
        this.decisions = new JournalCodec.Encoder(new JournalCodec.RecordSink()
        {
            @Override
            public MutableDirectBuffer claim()
            {
                return scratch;
            }

            @Override
            public void commit(final int length)
            {
                appendDecision(scratch, length);
            }
        });
    }

    /**
     * Creates or opens the journal in a directory; new records go after the existing ones.
     *
     * @param dir the journal directory (created if needed).
     * @return the journal, to close.
     */
    public static Journal open(final Path dir)
    {
        final SingleChronicleQueue decisionsQueue = builder(dir.resolve(DECISIONS)).build();
        try
        {
            return new Journal(decisionsQueue, builder(dir.resolve(EVENTS)).build());
        }
        catch (final RuntimeException ex)
        {
            decisionsQueue.close();
            throw ex;
        }
    }

    /**
     * A log that appends one record per call, encoded by {@link JournalCodec.Encoder}. The same instance every time;
     * one thread only, the same that calls {@link #appendDecision}.
     *
     * @return the decision log.
     */
    public CampaignLog decisions()
    {
        return decisions;
    }

    /**
     * Appends one decision record already encoded by a {@link JournalCodec.Encoder} (the pipeline encodes on the
     * controller's thread and the journal's thread copies it here). One thread only.
     *
     * @param record the record's buffer, from offset 0.
     * @param length its length.
     */
    public void appendDecision(final org.agrona.DirectBuffer record, final int length)
    {
        ExcerptAppender appender = decisionAppender;
        if (null == appender)
        {
            appender = decisionsQueue.createAppender();
            decisionAppender = appender;
        }
        try (DocumentContext dc = appender.writingDocument())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            if (null != record.byteArray())
            {
                bytes.write(record.byteArray(), 0, length);
            }
            else
            {
                for (int i = 0; i < length; i++)
                {
                    bytes.writeByte(record.getByte(i));
                }
            }
        }
    }

    /**
     * Appends one raw input event as a document of its own. One thread only (not necessarily the decisions' thread).
     *
     * @param type      the event type.
     * @param timeNanos when it was received.
     * @param callId    the call it concerns.
     * @param a         first payload word.
     * @param b         second payload word.
     * @param c         third payload word.
     */
    public void appendEvent(
        final int type, final long timeNanos, final long callId, final long a, final long b, final int c)
    {
        bufferEvent(type, timeNanos, callId, a, b, c);
        flushEvents();
    }

    /**
     * Adds one raw input event to the document being built; {@link #flushEvents()} appends it. A document that
     * already holds {@link #EVENTS_PER_DOCUMENT} events is appended first. One thread only, the one that flushes.
     *
     * @param type      the event type.
     * @param timeNanos when it was received.
     * @param callId    the call it concerns.
     * @param a         first payload word.
     * @param b         second payload word.
     * @param c         third payload word.
     */
    public void bufferEvent(
        final int type, final long timeNanos, final long callId, final long a, final long b, final int c)
    {
        if (EVENTS_PER_DOCUMENT == batchedEvents)
        {
            flushEvents();
        }
        JournalCodec.encodeEvent(
            eventBatch, batchedEvents * JournalCodec.EVENT_LENGTH, type, timeNanos, callId, a, b, c);
        batchedEvents++;
    }

    /**
     * Appends the events buffered by {@link #bufferEvent} as one document; nothing when none are.
     */
    public void flushEvents()
    {
        if (0 == batchedEvents)
        {
            return;
        }
        try (DocumentContext dc = eventAppender().writingDocument())
        {
            dc.wire().bytes().write(eventBatch.byteArray(), 0, batchedEvents * JournalCodec.EVENT_LENGTH);
        }
        batchedEvents = 0;
    }

    private ExcerptAppender eventAppender()
    {
        ExcerptAppender appender = eventAppender;
        if (null == appender)
        {
            appender = eventsQueue.createAppender();
            eventAppender = appender;
        }
        return appender;
    }

    /**
     * Reads every decision record in order and calls the listener once per record. A record of an unknown type
     * (written by a later version) or too short for its fields is skipped with a warning naming its index; an
     * unreadable queue stops the replay with a warning, keeping what was read.
     *
     * @param dir      the journal directory.
     * @param listener called once per record; its character sequences are valid only during the call.
     * @return the number of records passed to the listener; 0 when there is no journal.
     * @throws IllegalStateException when the journal was written in a later format than this version reads.
     */
    public static long replay(final Path dir, final CampaignLog listener)
    {
        final Path path = dir.resolve(DECISIONS);
        if (!hasCycleFiles(path))
        {
            return 0;
        }

        final JournalCodec.Decoder decoder = new JournalCodec.Decoder();
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer(256);
        long count = 0;
        long lastIndex = -1;
        try (SingleChronicleQueue queue = builder(path).readOnly(true).build();
            ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                final int status;
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    lastIndex = dc.index();
                    final Bytes<?> bytes = dc.wire().bytes();
                    final int length = (int)bytes.readRemaining();
                    record.checkLimit(length);
                    bytes.read(record.byteArray(), 0, length);
                    status = decoder.decode(record, 0, length);
                }
                catch (final RuntimeException ex)
                {
                    LOG.warn("journal {}: stopping the replay after {}: the queue cannot be read further ({})",
                        path, describe(lastIndex), ex.toString());
                    break;
                }

                if (JournalCodec.Decoder.OK == status)
                {
                    if (JournalCodec.CAMPAIGN_STARTED == decoder.type() &&
                        decoder.formatVersion() > JournalCodec.FORMAT_VERSION)
                    {
                        throw new IllegalStateException("journal " + dir + " was written in format version " +
                            decoder.formatVersion() + "; this dialer reads versions 1 to " +
                            JournalCodec.FORMAT_VERSION + ": use the dialer version that wrote it, or a newer one");
                    }
                    decoder.dispatch(listener);
                    count++;
                }
                else
                {
                    LOG.warn("journal {}: skipping the record at {}: {} (type {})", path, describe(lastIndex),
                        JournalCodec.Decoder.UNKNOWN_TYPE == status ? "unknown record type" :
                        "truncated or unreadable record", decoder.type());
                }
            }
        }

        return count;
    }

    /**
     * Reads every input event in order; a document holds 1 to {@link #EVENTS_PER_DOCUMENT} of them (one per
     * document before the pipeline wrote ring batches). A document of another size is skipped with a warning naming
     * its index.
     *
     * @param dir     the journal directory.
     * @param visitor called once per event.
     * @return the number of events passed to the visitor; 0 when there is no journal.
     */
    public static long replayEvents(final Path dir, final EventVisitor visitor)
    {
        final Path path = dir.resolve(EVENTS);
        if (!hasCycleFiles(path))
        {
            return 0;
        }

        final ExpandableArrayBuffer events =
            new ExpandableArrayBuffer(EVENTS_PER_DOCUMENT * JournalCodec.EVENT_LENGTH);
        long count = 0;
        try (SingleChronicleQueue queue = builder(path).readOnly(true).build();
            ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    final long length = bytes.readRemaining();
                    if (0 == length || 0 != length % JournalCodec.EVENT_LENGTH ||
                        length > (long)EVENTS_PER_DOCUMENT * JournalCodec.EVENT_LENGTH)
                    {
                        LOG.warn("journal {}: skipping the events document at {}: {} bytes, expected 1 to {} " +
                            "events of {}", path, describe(dc.index()), length, EVENTS_PER_DOCUMENT,
                            JournalCodec.EVENT_LENGTH);
                        continue;
                    }
                    bytes.read(events.byteArray(), 0, (int)length);
                    for (int offset = 0; offset < length; offset += JournalCodec.EVENT_LENGTH)
                    {
                        JournalCodec.decodeEvent(events, offset, visitor);
                        count++;
                    }
                }
            }
        }

        return count;
    }

    /**
     * Closes both queues. Appends must have stopped.
     */
    public void close()
    {
        try
        {
            decisionsQueue.close();
        }
        finally
        {
            eventsQueue.close();
        }
    }

    /**
     * Appends a raw decision document, for tests of records this version never writes.
     *
     * @param raw the document's content.
     */
    void appendRawDecision(final byte[] raw)
    {
        appendDecision(new org.agrona.concurrent.UnsafeBuffer(raw), raw.length);
    }

    /**
     * Appends a raw events document, for tests of damaged documents.
     *
     * @param raw the document's content.
     */
    void appendRawEvents(final byte[] raw)
    {
        flushEvents();
        try (DocumentContext dc = eventAppender().writingDocument())
        {
            dc.wire().bytes().write(raw);
        }
    }

    private static SingleChronicleQueueBuilder builder(final Path path)
    {
        return SingleChronicleQueueBuilder.binary(path).rollCycle(ROLL_CYCLE);
    }

    private static boolean hasCycleFiles(final Path path)
    {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path, "*" + SingleChronicleQueue.SUFFIX))
        {
            return files.iterator().hasNext();
        }
        catch (final NoSuchFileException | NotDirectoryException ex)
        {
            return false;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String describe(final long index)
    {
        if (index < 0)
        {
            return "the start";
        }

        return "index 0x" + Long.toHexString(index) + " (cycle " + ROLL_CYCLE.toCycle(index) + ", sequence " +
            ROLL_CYCLE.toSequenceNumber(index) + ")";
    }
}
