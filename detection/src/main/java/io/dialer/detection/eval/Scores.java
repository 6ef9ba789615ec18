/*
 * Detection evaluation.
 */
package io.dialer.detection.eval;

import io.dialer.detection.Verdict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one detector on one set: accuracy, humans lost, machines missed, HUMAN latency after the end of the
 * greeting, and beep timing.
 * <p>
 * A clip is correct when the verdict equals its label; NOTSURE is never correct (it is safe for a person, but it is
 * not the answer), and it is not a human lost. A human is lost when called MACHINE, SIT or FAX.
 * <p>
 * Late beeps (a beep reported after a HUMAN or NOTSURE verdict, see {@code DetectionListener#onLateBeep}) never
 * change those figures: the verdict is the first answer, and it is the one scored. They are counted on their own
 * ({@link #lateRow(String)}): machines whose beep was reported late within {@link #BEEP_TOLERANCE_MS}, humans that got
 * a late beep (a false "machine after all"), beeps found when late ones count too, and the accuracy of the final
 * outcome if a call controller let a late beep override the verdict.
 */
public final class Scores
{
    /** A beep counts as found when its end is reported within this many ms of the true end. */
    public static final int BEEP_TOLERANCE_MS = 300;

    private final String name;
    private final boolean beeps;
    private int clips;
    private int correct;
    private int humans;
    private int humansLost;
    private int humansNotSure;
    private int humansWithin2s;
    private int machines;
    private int machinesMissed;
    private int machinesCalledHuman;
    private int tones;
    private int tonesCorrect;
    private int beepClips;
    private int beepsFound;
    private int beepClipsCalledMachine;
    private int beepsFoundCalledMachine;
    private int noBeepClips;
    private int noBeepReported;
    private int lateBeepsFound;
    private int lateBeepMachines;
    private int lateBeepHumans;
    private int outcomeCorrect;
    private final List<Integer> humanLatency = new ArrayList<>();
    private final List<Integer> machineDecision = new ArrayList<>();
    private final List<Integer> beepError = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final Map<String, int[]> byKind = new TreeMap<>();

    /**
     * Empty scores.
     *
     * @param name  the detector's name, for the table.
     * @param beeps whether the detector reports beeps at all.
     */
    public Scores(final String name, final boolean beeps)
    {
        this.name = name;
        this.beeps = beeps;
    }

    /**
     * Add one clip's outcome, with the late beep if one was reported.
     *
     * @param clip          the clip and its labels.
     * @param verdict       the verdict (NOTSURE if none).
     * @param cause         the cause, for the error list.
     * @param decisionMs    where the verdict was given.
     * @param beepEndMs     reported beep end (after a MACHINE verdict), or -1.
     * @param noBeepMs      where "no beep" was reported, or -1.
     * @param lateBeepEndMs reported end of a beep after a HUMAN or NOTSURE verdict, or -1.
     */
    public void add(
        final Clip clip,
        final Verdict verdict,
        final String cause,
        final int decisionMs,
        final int beepEndMs,
        final int noBeepMs,
        final int lateBeepEndMs)
    {
        final boolean late = lateBeepEndMs >= 0;
        final Verdict outcome = late ? Verdict.MACHINE : verdict;
        outcomeCorrect += outcome.name().equals(clip.label()) ? 1 : 0;
        if (late)
        {
            if ("HUMAN".equals(clip.label()))
            {
                lateBeepHumans++;
            }
            else if ("MACHINE".equals(clip.label()))
            {
                lateBeepMachines++;
                if (clip.beepEndMs() >= 0 && Math.abs(lateBeepEndMs - clip.beepEndMs()) <= BEEP_TOLERANCE_MS)
                {
                    lateBeepsFound++;
                }
            }
        }
        clips++;
        final boolean ok = verdict.name().equals(clip.label());
        final int[] kind = byKind.computeIfAbsent(clip.label() + "/" + clip.kind(), (k) -> new int[2]);
        kind[0]++;
        kind[1] += ok ? 1 : 0;
        if (ok)
        {
            correct++;
        }
        else
        {
            errors.add(String.format(Locale.ROOT, "%-40s %-8s -> %-8s %-22s at %5d ms (speech end %d, beep end %d)%s",
                clip.path().getFileName(), clip.label(), verdict, cause, decisionMs, clip.speechEndMs(),
                clip.beepEndMs(), late ? ", late beep end " + lateBeepEndMs : ""));
        }
        switch (clip.label())
        {
            case "HUMAN":
                humans++;
                if (Verdict.MACHINE == verdict || Verdict.SIT == verdict || Verdict.FAX == verdict)
                {
                    humansLost++;
                }
                else
                {
                    if (Verdict.NOTSURE == verdict)
                    {
                        humansNotSure++;
                    }
                    if (decisionMs - clip.speechEndMs() <= 2000)
                    {
                        humansWithin2s++;
                    }
                }
                if (ok)
                {
                    humanLatency.add(decisionMs - clip.speechEndMs());
                }
                break;
            case "MACHINE":
                machines++;
                if (!ok)
                {
                    machinesMissed++;
                    if (Verdict.HUMAN == verdict)
                    {
                        machinesCalledHuman++;
                    }
                }
                else
                {
                    machineDecision.add(decisionMs);
                }
                if (clip.beepEndMs() >= 0)
                {
                    beepClips++;
                    if (ok)
                    {
                        beepClipsCalledMachine++;
                    }
                    if (beepEndMs >= 0)
                    {
                        final int error = Math.abs(beepEndMs - clip.beepEndMs());
                        beepError.add(error);
                        if (error <= BEEP_TOLERANCE_MS)
                        {
                            beepsFound++;
                            if (ok)
                            {
                                beepsFoundCalledMachine++;
                            }
                        }
                    }
                }
                else
                {
                    noBeepClips++;
                    if (noBeepMs >= 0 && beepEndMs < 0)
                    {
                        noBeepReported++;
                    }
                }
                break;
            default:
                tones++;
                if (ok)
                {
                    tonesCorrect++;
                }
                break;
        }
    }

    /**
     * Share of clips with the right verdict.
     *
     * @return 0 to 1.
     */
    public double accuracy()
    {
        return ratio(correct, clips);
    }

    /**
     * Share of humans called MACHINE, SIT or FAX.
     *
     * @return 0 to 1.
     */
    public double humansLost()
    {
        return ratio(humansLost, humans);
    }

    /**
     * Share of machines not called MACHINE.
     *
     * @return 0 to 1.
     */
    public double machinesMissed()
    {
        return ratio(machinesMissed, machines);
    }

    /**
     * Share of beeps whose end was reported within {@link #BEEP_TOLERANCE_MS}.
     *
     * @return 0 to 1.
     */
    public double beepsFound()
    {
        return ratio(beepsFound, beepClips);
    }

    /**
     * A percentile of the HUMAN verdicts' latency after the end of the greeting.
     *
     * @param percentile 0 to 100.
     * @return ms, or -1 if there were none.
     */
    public int humanLatency(final double percentile)
    {
        return percentile(humanLatency, percentile);
    }

    /**
     * The misclassified clips, one line each.
     *
     * @return the error lines.
     */
    public List<String> errors()
    {
        return errors;
    }

    /**
     * Correct verdicts per scenario of the generator, e.g. {@code MACHINE/very_short 10/14}.
     *
     * @return one line.
     */
    public String byKind()
    {
        final StringBuilder sb = new StringBuilder();
        for (final Map.Entry<String, int[]> entry : byKind.entrySet())
        {
            sb.append(sb.length() == 0 ? "" : ", ").append(entry.getKey()).append(' ')
                .append(entry.getValue()[1]).append('/').append(entry.getValue()[0]);
        }
        return sb.toString();
    }

    /**
     * The header of {@link #row(String)}.
     *
     * @return two markdown table lines.
     */
    public static String header()
    {
        return "| set | detector | clips | accuracy | humans lost | machines missed (as HUMAN) | NOTSURE humans" +
            " | SIT+fax right | HUMAN latency p50 / p90 | humans connected ≤ 2 s | MACHINE at p50 | beeps found" +
            " ≤ 300 ms | of them on MACHINE verdicts | beep error p50 / p90 | no-beep reported |\n" +
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    /**
     * The header of {@link #lateRow(String)}.
     *
     * @return two markdown table lines.
     */
    public static String lateHeader()
    {
        return "| set | detector | late beeps on machines called HUMAN/NOTSURE (≤ 300 ms) | late beeps on humans" +
            " | beeps found ≤ 300 ms, late ones included | accuracy if a late beep overrides the verdict |\n" +
            "|---|---|---:|---:|---:|---:|";
    }

    /**
     * One markdown row of the late-beep figures, which the main row leaves out.
     *
     * @param set the set's name.
     * @return the row.
     */
    public String lateRow(final String set)
    {
        return String.format(Locale.ROOT, "| %s | %s | %d (%d within 300 ms) | %d | %.1f %% (%d/%d) | %.1f %% |",
            set, name, lateBeepMachines, lateBeepsFound, lateBeepHumans,
            100 * ratio(beepsFound + lateBeepsFound, beepClips), beepsFound + lateBeepsFound, beepClips,
            100 * ratio(outcomeCorrect, clips));
    }

    /**
     * Share of beeps whose end was reported within {@link #BEEP_TOLERANCE_MS}, counting the late beeps reported
     * after a HUMAN or NOTSURE verdict as well.
     *
     * @return 0 to 1.
     */
    public double beepsFoundWithLate()
    {
        return ratio(beepsFound + lateBeepsFound, beepClips);
    }

    /**
     * Humans that got a late beep (a false "machine after all").
     *
     * @return the count.
     */
    public int lateBeepHumans()
    {
        return lateBeepHumans;
    }

    /**
     * Share of clips whose final outcome is right if a late beep turns the verdict into MACHINE.
     *
     * @return 0 to 1.
     */
    public double outcomeAccuracy()
    {
        return ratio(outcomeCorrect, clips);
    }

    /**
     * One markdown table row.
     *
     * @param set the set's name.
     * @return the row.
     */
    public String row(final String set)
    {
        return String.format(Locale.ROOT,
            "| %s | %s | %d | %.1f %% | %.1f %% (%d/%d) | %.1f %% (%d) | %d | %d/%d | %d / %d ms | %.1f %% | %d ms" +
            " | %s | %s | %s | %s |",
            set, name, clips, 100 * accuracy(), 100 * humansLost(), humansLost, humans, 100 * machinesMissed(),
            machinesCalledHuman, humansNotSure, tonesCorrect, tones, humanLatency(50), humanLatency(90),
            100 * ratio(humansWithin2s, humans), percentile(machineDecision, 50),
            beeps ? String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100 * beepsFound(), beepsFound, beepClips) : "n/a",
            beeps ? String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100 * ratio(beepsFoundCalledMachine,
                beepClipsCalledMachine), beepsFoundCalledMachine, beepClipsCalledMachine) : "n/a",
            beeps ? percentile(beepError, 50) + " / " + percentile(beepError, 90) + " ms" : "n/a",
            beeps ? noBeepReported + "/" + noBeepClips : "n/a");
    }

    private static double ratio(final int numerator, final int denominator)
    {
        return 0 == denominator ? 0 : numerator / (double)denominator;
    }

    private static int percentile(final List<Integer> values, final double percentile)
    {
        if (values.isEmpty())
        {
            return -1;
        }
        final List<Integer> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        final int index = (int)Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
