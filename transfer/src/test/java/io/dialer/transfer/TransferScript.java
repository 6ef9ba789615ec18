/*
 * Dialer transfer module tests.
 */
package io.dialer.transfer;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A table of events and the exact commands each must produce. Unindented lines are events {@code <timeMs> <event>};
 * the indented lines under one are the commands expected from it, in order. A first line {@code config k=v ...}
 * changes the settings. Events:
 * {@code start, assign C, noCloser, ringing C, answer C, busy C, failed C, hangup C, key C D, consoleAccept,
 * consoleReject, callerPrompt P, closerPrompt C P, callerHangup, timer K, bridged}.
 */
final class TransferScript
{
    static final long TRANSFER_ID = 42;
    static final int SKILL = 7;

    private TransferScript()
    {
    }

    static TransferConfiguration.Context context(final String configLine)
    {
        final TransferConfiguration.Context context = new TransferConfiguration.Context()
            .reassuranceIntervalMs(30_000)
            .ringTimeoutMs(20_000)
            .decisionTimeoutMs(15_000)
            .promptGuardMs(10_000)
            .maxAttempts(3)
            .holdLimitMs(120_000)
            .introduction(true)
            .callerIdPassThrough(true);
        if (null != configLine)
        {
            for (final String pair : configLine.trim().substring("config".length()).trim().split("\\s+"))
            {
                final String[] kv = pair.split("=");
                switch (kv[0])
                {
                    case "intro" -> context.introduction(Boolean.parseBoolean(kv[1]));
                    case "passThrough" -> context.callerIdPassThrough(Boolean.parseBoolean(kv[1]));
                    case "attempts" -> context.maxAttempts(Integer.parseInt(kv[1]));
                    case "reassurance" -> context.reassuranceIntervalMs(Long.parseLong(kv[1]));
                    case "hold" -> context.holdLimitMs(Long.parseLong(kv[1]));
                    default -> throw new IllegalArgumentException("unknown config: " + pair);
                }
            }
        }
        return context.conclude();
    }

    /**
     * Runs a script and checks every command of every event.
     *
     * @return the transfer, for checks of its final state.
     */
    static WarmTransfer run(final String script)
    {
        final String[] lines = script.strip().split("\n");
        int i = 0;
        String config = null;
        if (lines[0].strip().startsWith("config"))
        {
            config = lines[0];
            i = 1;
        }
        final RecordingCommands commands = new RecordingCommands();
        final WarmTransfer transfer = new WarmTransfer(context(config), commands);
        while (i < lines.length)
        {
            final String eventLine = lines[i++].strip();
            final List<String> expected = new ArrayList<>();
            while (i < lines.length && lines[i].startsWith(" ") && !lines[i].isBlank())
            {
                expected.add(lines[i++].strip());
            }
            apply(transfer, eventLine);
            assertEquals(String.join("\n", expected), String.join("\n", commands.drain()), "after: " + eventLine);
        }
        return transfer;
    }

    static void apply(final WarmTransfer transfer, final String eventLine)
    {
        final String[] f = eventLine.split("\\s+");
        final long now = Long.parseLong(f[0]);
        switch (f[1])
        {
            case "start" -> transfer.start(TRANSFER_ID, SKILL, now);
            case "assign" -> transfer.onCloserAssigned(Integer.parseInt(f[2]), now);
            case "noCloser" -> transfer.onNoCloser(now);
            case "ringing" -> transfer.onCloserRinging(Integer.parseInt(f[2]), now);
            case "answer" -> transfer.onCloserAnswered(Integer.parseInt(f[2]), now);
            case "busy" -> transfer.onCloserBusy(Integer.parseInt(f[2]), now);
            case "failed" -> transfer.onCloserFailed(Integer.parseInt(f[2]), 503, now);
            case "hangup" -> transfer.onCloserHungUp(Integer.parseInt(f[2]), now);
            case "key" -> transfer.onCloserKey(Integer.parseInt(f[2]), f[3].charAt(0), now);
            case "consoleAccept" -> transfer.onConsoleAccept(now);
            case "consoleReject" -> transfer.onConsoleReject(now);
            case "callerPrompt" -> transfer.onCallerPromptFinished(Prompt.valueOf(f[2]), now);
            case "closerPrompt" -> transfer.onCloserPromptFinished(Integer.parseInt(f[2]), Prompt.valueOf(f[3]), now);
            case "callerHangup" -> transfer.onCallerHungUp(now);
            case "timer" -> transfer.onTimer(TimerKind.valueOf(f[2]), now);
            case "bridged" -> transfer.onBridged(now);
            default -> throw new IllegalArgumentException("unknown event: " + eventLine);
        }
    }

    /**
     * Runs the events of a script without checks and returns every command, to write new tables.
     */
    static String trace(final String config, final String events)
    {
        final RecordingCommands commands = new RecordingCommands();
        final WarmTransfer transfer = new WarmTransfer(context(config), commands);
        final StringBuilder out = new StringBuilder();
        for (final String line : events.strip().split("\n"))
        {
            apply(transfer, line.strip());
            out.append(line.strip()).append('\n');
            for (final String command : commands.drain())
            {
                out.append("    ").append(command).append('\n');
            }
        }
        return out.toString();
    }
}
