/*
 * Dialer server.
 */
package io.dialer.server.floor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dialer.server.storage.JsonFiles;

/**
 * Closers' wrap-up notes, one JSON object per line appended to {@code wrap-ups.jsonl} and forced to the disk before
 * the closer is told it is saved. Thread-safe.
 */
public final class WrapUps
{
    private final Path file;

    /**
     * @param file the file (created when missing).
     */
    public WrapUps(final Path file)
    {
        this.file = file;
    }

    /**
     * Appends a note.
     *
     * @param note the note (closer, call, campaign, disposition, note, time).
     * @throws IOException when it cannot be written.
     */
    public synchronized void append(final ObjectNode note) throws IOException
    {
        final String text = JsonFiles.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(note);
        final byte[] line = (text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND))
        {
            final ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining())
            {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }
}
