package dev.backprop.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The peak used heap since the last {@link #reset}: the sum of every heap memory pool's peak usage
 * (eden, survivor and old generation; the pools peak at different moments, so the sum is an upper
 * bound of the true peak).
 */
final class HeapPeak {

    private static final double MEBIBYTE = 1024.0 * 1024.0;

    private HeapPeak() {
    }

    /** Starts a new measurement: each heap pool's peak becomes its current usage. */
    static void reset() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peak usage since {@link #reset}, in MiB. */
    static double peakMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / MEBIBYTE;
    }
}
