/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.dialer.core.check.DryRun;
import io.dialer.core.check.DryRunLine;
import io.dialer.qualification.CompileResult;
import io.dialer.qualification.Script;
import io.dialer.qualification.ScriptCompiler;
import io.dialer.qualification.ValidationError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dialer dry-run SCRIPT --lead k=v… --keys 1,1,75201#}: plays a conversation with a script in text, with
 * simulated time, so a manager can test a script before a campaign. It drives the same interpreter the dialer runs.
 */
@Command(
    name = "dry-run",
    mixinStandardHelpOptions = true,
    description = {
        "Play a conversation with a qualification script in text, to test it before a campaign.",
        "Each element of --keys answers one question (or one re-prompt): its keys are pressed one by one.",
        "Special elements: empty or 'timeout' = no input, 'hangup' = the caller hangs up, 'yes'/'no' = spoken " +
            "answer, 'noise' = unrecognised speech; a leading '!' presses the keys during the prompt (barge-in)."
    })
public final class DryRunCommand implements Callable<Integer>
{
    /**
     * Exit code when the conversation was played.
     */
    public static final int PLAYED = 0;

    /**
     * Exit code when the script does not validate.
     */
    public static final int INVALID_SCRIPT = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The qualification script (YAML).")
    private Path scriptFile;

    @Option(names = "--lead", paramLabel = "FIELD=VALUE", description = "A lead field (CSV column), repeatable.")
    private Map<String, String> lead = new LinkedHashMap<>();

    @Option(names = "--keys", paramLabel = "ANSWERS", defaultValue = "",
        description = "Comma-separated answers, one per question asked, e.g. 1,1,75201#")
    private String keys;

    @Option(names = "--prompt-ms", paramLabel = "MS", defaultValue = "0",
        description = "Simulated length of every prompt; 0 (default) estimates 15 characters a second.")
    private long promptMs;

    /**
     * Plays the conversation.
     *
     * @return {@link #PLAYED} or {@link #INVALID_SCRIPT}.
     */
    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final CompileResult result = ScriptCompiler.compile(scriptFile);
        if (!result.isValid())
        {
            for (final ValidationError error : result.errors())
            {
                out.println(error);
            }
            out.println(scriptFile + ": not valid, nothing played");
            out.flush();
            return INVALID_SCRIPT;
        }
        final Script script = result.script();
        final DryRun run = DryRun.play(script, lead, answers(), promptMs);
        for (final String note : run.notes())
        {
            out.println(note);
        }
        for (final DryRunLine line : run.lines())
        {
            out.println(line);
        }
        out.flush();
        return PLAYED;
    }

    private List<String> answers()
    {
        return Arrays.asList(keys.isEmpty() ? new String[0] : keys.split(",", -1));
    }
}
