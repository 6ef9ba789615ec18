/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code /proc} and {@code perf stat} readings behind the load runs' cost per call.
 */
class CallCostParsingTest
{
    // a thread whose name holds spaces and a ')', as HotSpot's do: fields counted from the last ')'
    private static final String STAT = "4242 (C2 Compiler) x) S 1 4242 4242 0 -1 4194624 1000 0 0 0 " +
        "1234 567 0 0 20 0 30 0 100 1000000 5000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    @Test
    void shouldReadUserAndSystemTicksFromStat()
    {
        assertArrayEquals(new long[]{1234, 567}, ProcTasks.cpuTicks(STAT));
    }

    @Test
    void shouldReadTheNameFromStat()
    {
        assertEquals("C2 Compiler) x", ProcTasks.comm(STAT));
    }

    @Test
    void shouldReadContextSwitchesFromStatus()
    {
        final String status = "Name:\tGC Thread#0\nState:\tS (sleeping)\nvoluntary_ctxt_switches:\t812\n" +
            "nonvoluntary_ctxt_switches:\t37\n";
        assertArrayEquals(new long[]{812, 37}, ProcTasks.contextSwitches(status));
        assertArrayEquals(new long[]{0, 0}, ProcTasks.contextSwitches("Name:\tx\n"));
    }

    @Test
    void shouldTellGcThreadsByName()
    {
        assertTrue(ProcTasks.isGc("GC Thread#1"));
        assertTrue(ProcTasks.isGc("G1 Conc#0"));
        assertTrue(ProcTasks.isGc("G1 Refine#1"));
        assertFalse(ProcTasks.isGc("sip-timer-diale"));
        assertFalse(ProcTasks.isGc("VM Thread"));
    }

    @Test
    void shouldReadPerfStatCounts()
    {
        final String csv = "# started on Mon Dec  7 08:59:38 2026\n\n" +
            "3440021,,raw_syscalls:sys_enter,20012345678,100.00,,\n" +
            "361004,,context-switches,20012345678,100.00,,\n";
        assertArrayEquals(new long[]{3440021, 361004}, PerfStat.parse(csv));
    }

    @Test
    void shouldReadNotCountedAsNoneAndMissingAsUnknown()
    {
        final String csv = "<not counted>,,raw_syscalls:sys_enter,0,100.00,,\n";
        assertArrayEquals(new long[]{0, -1}, PerfStat.parse(csv));
        assertArrayEquals(new long[]{-1, -1}, PerfStat.parse("<not supported>,,raw_syscalls:sys_enter,0,0,,\n"));
    }
}
