/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * The command-line options the campaign load runs share ({@link CampaignLoadRun}, {@link ServeLoadRun}): the
 * campaign (leads, rate, closers, mix), the dialer's stacks and media, the far end's timing and the measured window.
 * A run reads its own further options through the {@code extra} given to {@link #parse}.
 */
final class LoadOptions
{
    int leads = 2_000;
    double rate = 100;
    int closers = 400;
    int[] mix = {40, 30, 30, 0};
    int warmupS = 5;
    int maxSeconds = 300;
    int stacks = 4;
    int sipThreads;
    int capacityBits = 12;
    int rtpPortStart = 20_000;
    int qualifiedHangupMs = 13_000;
    int shortHangupMs;
    int closerKeyMs = 1_000;
    int keyMarginMs = 2_500;
    long wrapUpMs = 500;
    boolean prepareCloserLegs = true;
    int agents;
    String farEnd = "info";
    int rtpThreadTasks = 64;
    Path workDir;
    String media = "anchored";

    boolean pcap()
    {
        return "pcap".equals(farEnd);
    }

    /**
     * Whether each bridged transfer's media is released ({@code --media release}, the campaign's
     * {@code transfer.media}): the far ends' re-INVITEs are answered by the info scenarios only.
     */
    boolean mediaRelease()
    {
        return "release".equals(media);
    }

    /**
     * Reads {@code --name value} pairs.
     *
     * @param args  the command line.
     * @param extra the run's own options: given a name and its value, true when it took them.
     * @return the options.
     * @throws IllegalArgumentException for an unknown option or a bad value.
     */
    static LoadOptions parse(final String[] args, final BiPredicate<String, String> extra)
    {
        final LoadOptions o = new LoadOptions();
        for (int i = 0; i < args.length; i++)
        {
            final String name = args[i];
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException("missing value for " + name);
            }
            final String value = args[++i];
            if (!o.read(name, value) && !extra.test(name, value))
            {
                throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (o.mediaRelease() && o.pcap())
        {
            throw new IllegalArgumentException("--media release needs --far-end info (it answers re-INVITEs)");
        }
        if (4 != o.mix.length || 100 != Arrays.stream(o.mix).sum())
        {
            throw new IllegalArgumentException("--mix needs four percentages adding up to 100");
        }
        return o;
    }

    private boolean read(final String name, final String value)
    {
        switch (name)
        {
            case "--leads" -> leads = Integer.parseInt(value);
            case "--rate" -> rate = Double.parseDouble(value);
            case "--closers" -> closers = Integer.parseInt(value);
            case "--mix" -> mix = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
            case "--profile" -> mix = profile(value);
            case "--warmup-s" -> warmupS = Integer.parseInt(value);
            case "--max-seconds" -> maxSeconds = Integer.parseInt(value);
            case "--stacks" -> stacks = Integer.parseInt(value);
            case "--sip-threads" -> sipThreads = Integer.parseInt(value);
            case "--capacity-bits" -> capacityBits = Integer.parseInt(value);
            case "--rtp-port-start" -> rtpPortStart = Integer.parseInt(value);
            case "--qualified-hangup-ms" -> qualifiedHangupMs = Integer.parseInt(value);
            case "--short-hangup-ms" -> shortHangupMs = Integer.parseInt(value);
            case "--closer-key-ms" -> closerKeyMs = Integer.parseInt(value);
            case "--key-margin-ms" -> keyMarginMs = Integer.parseInt(value);
            case "--wrap-up-ms" -> wrapUpMs = Long.parseLong(value);
            case "--agents" -> agents = Integer.parseInt(value);
            case "--far-end" -> farEnd = farEnd(value);
            case "--rtp-thread-tasks" -> rtpThreadTasks = Integer.parseInt(value);
            case "--work-dir" -> workDir = Path.of(value);
            case "--media" -> media = media(value);
            case "--prepare-closer-legs" -> prepareCloserLegs = Boolean.parseBoolean(value);
            default ->
            {
                return false;
            }
        }
        return true;
    }

    private static String media(final String name)
    {
        if ("anchored".equals(name) || "release".equals(name))
        {
            return name;
        }
        throw new IllegalArgumentException("unknown media " + name + " (anchored, release)");
    }

    private static String farEnd(final String name)
    {
        if ("info".equals(name) || "pcap".equals(name))
        {
            return name;
        }
        throw new IllegalArgumentException("unknown far end " + name + " (info, pcap)");
    }

    private static int[] profile(final String name)
    {
        if ("short".equals(name))
        {
            return new int[]{0, 0, 0, 100};
        }
        if ("campaign".equals(name))
        {
            return new int[]{40, 30, 30, 0};
        }
        throw new IllegalArgumentException("unknown profile " + name + " (short, campaign)");
    }

    @Override
    public String toString()
    {
        return String.format(Locale.ROOT,
            "leads=%d rate=%.0f closers=%d mix(q,d,v,s)=%s warmupS=%d maxSeconds=%d stacks=%d sipThreads=%s " +
            "capacityBits=%d qualifiedHangupMs=%d closerKeyMs=%d keyMarginMs=%d wrapUpMs=%d agents=%s farEnd=%s " +
            "media=%s prepareCloserLegs=%s",
            leads, rate, closers, Arrays.toString(mix), warmupS, maxSeconds, stacks,
            sipThreads > 0 ? Integer.toString(sipThreads) : "default", capacityBits, qualifiedHangupMs,
            closerKeyMs, keyMarginMs, wrapUpMs, agents > 0 ? Integer.toString(agents) : "default", farEnd, media,
            prepareCloserLegs);
    }
}
