/*
 * Dialer load runs.
 */
package io.dialer.bench.load;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resources used so far, for the load runs to report a measured window as the difference of two snapshots: CPU
 * time of this JVM (in all and per thread group: thread names with their numbers replaced by {@code #}), its GC
 * collections and pause time, the CPU time of each SIPp process, and the UDP datagrams the host dropped on full
 * receive buffers ({@code RcvbufErrors} in {@code /proc/net/snmp}, whole host) with the per-socket drop counts of
 * {@code /proc/net/udp} (local port → drops) to tell which socket lost them; for the cost per call
 * ({@link CallCost}), the bytes this JVM's live threads allocated and, from {@code /proc} ({@link ProcTasks}), the
 * user and system CPU, GC and JIT threads' CPU and context switches of this JVM and of each SIPp.
 */
public final class LoadSnapshot
{
    private long jvmCpuNs;
    private long jvmAllocatedBytes;
    private ProcTasks jvmTasks;
    private ProcTasks[] sippTasks;
    private long[] sippCpuNs;
    private long gcCount;
    private long gcMillis;
    private long udpReceiveBufferErrors;
    private final Map<String, Long> threadGroups = new TreeMap<>();
    private final Map<Integer, Long> socketDrops = new TreeMap<>();

    private LoadSnapshot()
    {
    }

    /**
     * Takes a snapshot now.
     *
     * @param sipps the SIPp processes whose CPU time to read, may be empty.
     * @return the snapshot.
     */
    public static LoadSnapshot take(final List<SippProcess> sipps)
    {
        final LoadSnapshot snapshot = new LoadSnapshot();
        final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean)
        {
            snapshot.jvmCpuNs = ((com.sun.management.OperatingSystemMXBean)os).getProcessCpuTime();
        }
        snapshot.jvmTasks = ProcTasks.read("self");
        snapshot.sippCpuNs = new long[sipps.size()];
        snapshot.sippTasks = new ProcTasks[sipps.size()];
        for (int i = 0; i < sipps.size(); i++)
        {
            snapshot.sippCpuNs[i] = sipps.get(i).cpuNanos();
            final ProcTasks tasks = sipps.get(i).lastTasks();
            snapshot.sippTasks[i] = null != tasks ? tasks : ProcTasks.read(Long.toString(sipps.get(i).pid()));
        }
        snapshot.udpReceiveBufferErrors = readUdpReceiveBufferErrors();
        readSocketDrops(snapshot.socketDrops);
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            snapshot.gcCount += Math.max(0, gc.getCollectionCount());
            snapshot.gcMillis += Math.max(0, gc.getCollectionTime());
        }
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final long[] ids = threads.getAllThreadIds();
        if (threads instanceof com.sun.management.ThreadMXBean)
        {
            for (final long bytes : ((com.sun.management.ThreadMXBean)threads).getThreadAllocatedBytes(ids))
            {
                snapshot.jvmAllocatedBytes += Math.max(0, bytes);
            }
        }
        for (final long id : ids)
        {
            final ThreadInfo info = threads.getThreadInfo(id);
            final long cpu = threads.getThreadCpuTime(id);
            if (null != info && cpu > 0)
            {
                snapshot.threadGroups.merge(group(info.getThreadName(), id), cpu, Long::sum);
            }
        }
        return snapshot;
    }

    /**
     * @return CPU time of this JVM, all threads, ns.
     */
    public long jvmCpuNs()
    {
        return jvmCpuNs;
    }

    /**
     * @return bytes allocated so far by this JVM's live threads (threads that exited are not counted).
     */
    public long jvmAllocatedBytes()
    {
        return jvmAllocatedBytes;
    }

    /**
     * @return this JVM's figures from {@code /proc}.
     */
    ProcTasks jvmTasks()
    {
        return jvmTasks;
    }

    /**
     * @param index the SIPp's index in the list given to {@link #take(List)}.
     * @return its figures from {@code /proc}.
     */
    ProcTasks sippTasks(final int index)
    {
        return sippTasks[index];
    }

    /**
     * @return how many SIPps this snapshot read.
     */
    int sippCount()
    {
        return sippCpuNs.length;
    }

    /**
     * @param index the SIPp's index in the list given to {@link #take(List)}.
     * @return its CPU time, ns, or -1 when never read.
     */
    public long sippCpuNs(final int index)
    {
        return sippCpuNs[index];
    }

    /**
     * @return GC collections so far, all collectors.
     */
    public long gcCount()
    {
        return gcCount;
    }

    /**
     * @return GC time so far, all collectors, ms.
     */
    public long gcMillis()
    {
        return gcMillis;
    }

    /**
     * @return the host's UDP receive-buffer errors so far.
     */
    public long udpReceiveBufferErrors()
    {
        return udpReceiveBufferErrors;
    }

    /**
     * CPU time per thread group since an earlier snapshot.
     *
     * @param before the earlier snapshot.
     * @return thread group → CPU ns.
     */
    public Map<String, Long> threadGroupsMinus(final LoadSnapshot before)
    {
        final Map<String, Long> delta = new TreeMap<>();
        for (final Map.Entry<String, Long> e : threadGroups.entrySet())
        {
            delta.put(e.getKey(), e.getValue() - before.threadGroups.getOrDefault(e.getKey(), 0L));
        }
        return delta;
    }

    /**
     * Datagrams dropped per local UDP port since an earlier snapshot, ports with drops only (sockets closed in
     * between are not counted).
     *
     * @param before the earlier snapshot.
     * @return local port → drops.
     */
    public Map<Integer, Long> socketDropsMinus(final LoadSnapshot before)
    {
        final Map<Integer, Long> delta = new TreeMap<>();
        for (final Map.Entry<Integer, Long> e : socketDrops.entrySet())
        {
            final long drops = e.getValue() - before.socketDrops.getOrDefault(e.getKey(), 0L);
            if (drops > 0)
            {
                delta.put(e.getKey(), drops);
            }
        }
        return delta;
    }

    private static long readUdpReceiveBufferErrors()
    {
        try
        {
            final List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp"));
            for (int i = 0; i + 1 < lines.size(); i++)
            {
                if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:"))
                {
                    final List<String> names = List.of(lines.get(i).split("\\s+"));
                    final String[] values = lines.get(i + 1).split("\\s+");
                    return Long.parseLong(values[names.indexOf("RcvbufErrors")]);
                }
            }
        }
        catch (final Exception ex)
        {
            return 0;
        }
        return 0;
    }

    private static void readSocketDrops(final Map<Integer, Long> into)
    {
        try
        {
            final List<String> lines = Files.readAllLines(Path.of("/proc/net/udp"));
            for (int i = 1; i < lines.size(); i++)
            {
                final String[] fields = lines.get(i).trim().split("\\s+");
                if (fields.length < 13)
                {
                    continue;
                }
                final long drops = Long.parseLong(fields[fields.length - 1]);
                if (drops > 0)
                {
                    final String local = fields[1];
                    final int port = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
                    into.merge(port, drops, Long::sum);
                }
            }
        }
        catch (final Exception ex)
        {
            // not on Linux: no per-socket figures
        }
    }

    private static String group(final String threadName, final long threadId)
    {
        // the media agents all carry the same name: one line per thread shows how the calls spread over them
        return threadName.startsWith("media") ? threadName + " (thread " + threadId + ")" :
            threadName.replaceAll("[0-9]+", "#");
    }
}
