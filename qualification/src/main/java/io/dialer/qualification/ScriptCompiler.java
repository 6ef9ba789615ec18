/*
 * Qualification scripts.
 */
package io.dialer.qualification;

import java.nio.file.Path;

/**
 * Validates and compiles qualification scripts (YAML). Every error is reported, each with file, line and column; a
 * {@link Script} is returned only when there is none. Reading the file (and list files it names) is the only I/O.
 */
public final class ScriptCompiler
{
    private ScriptCompiler()
    {
    }

    /**
     * Compiles a script file; list files are resolved relative to its directory.
     *
     * @param file the YAML file.
     * @return the script or the errors.
     */
    public static CompileResult compile(final Path file)
    {
        final Problems problems = new Problems(file.toString());
        final String yaml = TextFile.read(file, problems);
        if (null == yaml)
        {
            return new CompileResult(null, problems.errors());
        }
        final Path parent = file.toAbsolutePath().getParent();
        return compile(file.toString(), yaml, parent);
    }

    /**
     * Compiles a script from text.
     *
     * @param fileName the name to report errors against.
     * @param yaml     the script.
     * @param baseDir  where list files are resolved, or null for the working directory.
     * @return the script or the errors.
     */
    public static CompileResult compile(final String fileName, final String yaml, final Path baseDir)
    {
        return new ScriptReader(fileName, yaml, baseDir).read();
    }

    /**
     * Whether a YAML text looks like a qualification script (a top-level {@code questions:} key), to tell it from
     * other YAML files (campaigns) without compiling it.
     *
     * @param yaml the text.
     * @return true when it has a top-level questions key.
     */
    public static boolean looksLikeScript(final String yaml)
    {
        return yaml.startsWith("questions:") || yaml.contains("\nquestions:");
    }
}
