/*
 * Detection evaluation.
 */
package io.dialer.detection.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a set (dev, test or test2) of the generated corpus, and runs the generator when asked.
 */
public final class Corpus
{
    /** The manifest's {@code text} column (optional: older manifests end at {@code encoding}). */
    private static final int TEXT_COLUMN = 8;

    private Corpus()
    {
    }

    /**
     * The clips of one set.
     *
     * @param root the corpus directory.
     * @param set  {@code dev}, {@code test} or {@code test2}.
     * @return the clips in manifest order.
     * @throws IOException if the manifest cannot be read.
     */
    public static List<Clip> load(final Path root, final String set) throws IOException
    {
        final Path dir = root.resolve(set);
        final List<String> lines = Files.readAllLines(dir.resolve("manifest.tsv"), StandardCharsets.UTF_8);
        final List<Clip> clips = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++)
        {
            final String[] f = lines.get(i).split("\t", -1);
            if (f.length >= 6)
            {
                clips.add(new Clip(dir.resolve(f[0]), f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                    f[5], f.length > TEXT_COLUMN ? f[TEXT_COLUMN] : ""));
            }
        }
        return clips;
    }

    /**
     * Run {@code tools/amd-corpus/generate.py} (it does nothing when the corpus is up to date).
     *
     * @param repoRoot the repository's root directory.
     * @param out      where the corpus goes.
     * @return the generator's exit code.
     * @throws IOException          if python3 cannot be started.
     * @throws InterruptedException if interrupted while waiting.
     */
    public static int generate(final Path repoRoot, final Path out) throws IOException, InterruptedException
    {
        return generate(repoRoot, out, 0);
    }

    /**
     * Run {@code tools/amd-corpus/generate.py} with a {@code train} set of the dev population as well.
     *
     * @param repoRoot   the repository's root directory.
     * @param out        where the corpus goes.
     * @param trainClips clips in the {@code train} set (0: none).
     * @return the generator's exit code.
     * @throws IOException          if python3 cannot be started.
     * @throws InterruptedException if interrupted while waiting.
     */
    public static int generate(final Path repoRoot, final Path out, final int trainClips)
        throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(
            "python3", repoRoot.resolve("tools/amd-corpus/generate.py").toString(), "--out", out.toString(),
            "--train", Integer.toString(trainClips))
            .inheritIO()
            .start();
        return process.waitFor();
    }

    /**
     * Whether a program is on the PATH.
     *
     * @param program the program's name.
     * @return true if found and executable.
     */
    public static boolean onPath(final String program)
    {
        final String path = System.getenv("PATH");
        if (null == path)
        {
            return false;
        }
        for (final String dir : path.split(java.io.File.pathSeparator))
        {
            if (Files.isExecutable(Path.of(dir, program)))
            {
                return true;
            }
        }
        return false;
    }
}
