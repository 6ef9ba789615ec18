/*
 * Dialer command line.
 */
package io.dialer.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.dialer.detection.AnsweringMachineDetector;
import io.dialer.detection.DetectionResult;
import io.dialer.detection.DetectorConfig;
import io.dialer.audio.WavFile;
import io.dialer.audio.WavFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dialer amd FILE…}: runs answering-machine detection on recordings that start at the answer and prints one
 * JSON object per file, one per line:
 * {@code {"file":…,"result":"HUMAN|MACHINE|NOTSURE|SIT|FAX","decisionMs":…,"beepMs":…|null,"cause":…,"confidence":…}}
 * plus {@code beepHz}, {@code noBeepMs}, {@code lateBeepMs}, {@code encoding} and {@code durationMs}. A file that cannot be read or is
 * not 8 kHz mono µ-law, A-law or 16-bit PCM WAV gets {@code {"file":…,"error":…}} instead (and a message on
 * stderr); the other files are still classified, and the exit code is then 1.
 */
@Command(
    name = "amd",
    mixinStandardHelpOptions = true,
    description = {
        "Answering-machine detection on WAV files (8 kHz mono µ-law, A-law or 16-bit PCM) recorded from the answer.",
        "Prints one JSON object per file: result, cause, confidence, decisionMs, beepMs.",
        "Exit code 0 when every file was classified, 1 when a file was rejected."
    })
public final class AmdCommand implements Callable<Integer>
{
    /**
     * Exit code when every file was classified.
     */
    public static final int OK = 0;

    /**
     * Exit code when at least one file was rejected.
     */
    public static final int REJECTED = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "WAV files, each starting at the answer.")
    private List<String> files;

    @Option(names = "--human-silence-ms", paramLabel = "MS",
        description = "Silence after a short greeting that makes it HUMAN (default: ${DEFAULT-VALUE}).")
    private int humanSilenceMs = DetectorConfig.HUMAN_SILENCE_MS_DEFAULT;

    @Option(names = "--max-human-greeting-ms", paramLabel = "MS",
        description = "Greeting span beyond which it is a MACHINE (default: ${DEFAULT-VALUE}).")
    private int maxHumanGreetingMs = DetectorConfig.MAX_HUMAN_GREETING_MS_DEFAULT;

    /**
     * Classify the files.
     *
     * @return {@link #OK} or {@link #REJECTED}.
     */
    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final DetectorConfig config = DetectorConfig.builder()
            .humanSilenceMs(humanSilenceMs)
            .maxHumanGreetingMs(maxHumanGreetingMs)
            .build();
        final DetectionResult result = new DetectionResult();
        final AnsweringMachineDetector detector = new AnsweringMachineDetector(config, result);
        int exitCode = OK;
        for (final String file : files)
        {
            WavFile wav = null;
            String error = null;
            try
            {
                wav = WavFile.read(Path.of(file), file);
            }
            catch (final NoSuchFileException ex)
            {
                error = "no such file";
            }
            catch (final WavFormatException ex)
            {
                error = ex.problem();
            }
            catch (final IOException | RuntimeException ex)
            {
                error = null == ex.getMessage() ? ex.toString() : ex.getMessage();
            }
            if (null == wav)
            {
                exitCode = REJECTED;
                err.println("dialer amd: " + file + ": " + error);
                out.println("{\"file\":" + quote(file) + ",\"error\":" + quote(error) + "}");
                continue;
            }
            result.classify(detector, wav.samples(), wav.samples().length);
            out.println(json(file, wav, result));
        }
        out.flush();
        err.flush();
        return exitCode;
    }

    static String json(final String file, final WavFile wav, final DetectionResult result)
    {
        final int beepMs = result.beepEndMs();
        final int noBeepMs = result.noBeepMs();
        final int lateBeepMs = result.lateBeepEndMs();
        return "{\"file\":" + quote(file) +
            ",\"result\":\"" + result.verdict().name() + '"' +
            ",\"decisionMs\":" + result.decisionMs() +
            ",\"beepMs\":" + (beepMs < 0 ? "null" : Integer.toString(beepMs)) +
            ",\"beepHz\":" + (beepMs < 0 ? "null" : Integer.toString(result.beepHz())) +
            ",\"noBeepMs\":" + (noBeepMs < 0 ? "null" : Integer.toString(noBeepMs)) +
            ",\"lateBeepMs\":" + (lateBeepMs < 0 ? "null" : Integer.toString(lateBeepMs)) +
            ",\"cause\":\"" + result.cause().label() + '"' +
            ",\"confidence\":" + String.format(Locale.ROOT, "%.2f", result.confidence()) +
            ",\"encoding\":\"" + wav.encoding().name().toLowerCase(Locale.ROOT) + '"' +
            ",\"durationMs\":" + wav.durationMs() + "}";
    }

    static String quote(final String text)
    {
        final StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
                    }
                    else
                    {
                        sb.append(c);
                    }
                    break;
            }
        }
        return sb.append('"').toString();
    }
}
