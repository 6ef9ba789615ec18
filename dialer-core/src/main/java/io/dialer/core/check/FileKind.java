/*
 * File checks.
 */
package io.dialer.core.check;

import java.nio.file.Path;

/**
 * A kind of file that can be checked: told by its name and content, checked into a {@link FileCheck}.
 */
public interface FileKind
{
    /**
     * A name for messages, like {@code qualification script}.
     *
     * @return the name.
     */
    String name();

    /**
     * Whether the kind reads its text from the {@code content} given to {@link #check(Path, String, String)}
     * (YAML kinds); the others read the file themselves, as a stream.
     *
     * @return true for text kinds.
     */
    boolean needsContent();

    /**
     * Whether this kind handles the file.
     *
     * @param file    the file.
     * @param content its text, or empty when the file is not YAML.
     * @return true to check it as this kind.
     */
    boolean accepts(Path file, String content);

    /**
     * Checks the file.
     *
     * @param file    the file to read.
     * @param name    the name to report against (the path on the command line, the uploaded name in the server).
     * @param content its text when {@link #needsContent()}, else ignored (may be null).
     * @return what was found.
     */
    FileCheck check(Path file, String name, String content);
}
