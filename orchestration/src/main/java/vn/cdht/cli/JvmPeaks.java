package vn.cdht.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The JVM's peak memory, for the benchmarks: used heap just before each garbage collection (where it peaks; G1 lets
 * it grow toward -Xmx before collecting, so it says more about -Xmx than about need) and the resident set's
 * high-water mark, written on exit to the file named by the system property {@code cdht.peaks-file}.
 */
final class JvmPeaks {

    private final AtomicLong heapPeak = new AtomicLong();

    private JvmPeaks() {
    }

    /** Installs the recorder when {@code -Dcdht.peaks-file=FILE} is given; otherwise does nothing. */
    static void installIfRequested() {
        String file = System.getProperty("cdht.peaks-file");
        if (file == null || file.isBlank()) {
            return;
        }
        JvmPeaks peaks = new JvmPeaks();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                        peaks.record(info.getGcInfo().getMemoryUsageBeforeGc().values().stream()
                                .mapToLong(MemoryUsage::getUsed).sum());
                    }
                }, null, null);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> peaks.write(Path.of(file)), "cdht-peaks"));
    }

    private void record(long usedBytes) {
        heapPeak.accumulateAndGet(usedBytes, Math::max);
    }

    private void write(Path file) {
        record(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        try {
            Files.writeString(file, "heap_peak_bytes=" + heapPeak.get() + "\nrss_peak_bytes=" + residentPeak() + "\n");
        } catch (IOException e) {
            System.err.println("cdht: cannot write " + file + ": " + e.getMessage());
        }
    }

    /** VmHWM of /proc/self/status (Linux), in bytes; -1 elsewhere. */
    private static long residentPeak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
