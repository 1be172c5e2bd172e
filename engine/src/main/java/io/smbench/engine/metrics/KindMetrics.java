package io.smbench.engine.metrics;

import org.HdrHistogram.Histogram;
import org.agrona.collections.Long2LongCounterMap;

/** The measurements of one operation kind. Single writer: the scheduler's thread. */
public final class KindMetrics {
    /** Longest latency tracked exactly: one hour in microseconds; longer values are clamped. */
    static final long MAX_MICROS = 3_600_000_000L;

    private final Histogram latency = new Histogram(MAX_MICROS, 3);
    private final Histogram latencyFromScheduled = new Histogram(MAX_MICROS, 3);
    private final Long2LongCounterMap statuses = new Long2LongCounterMap(0);
    private long count;
    private long errors;
    private long bytes;

    void record(long latencyMicros, long fromScheduledMicros, int status, long moved) {
        latency.recordValue(Math.min(Math.max(latencyMicros, 0), MAX_MICROS));
        latencyFromScheduled.recordValue(Math.min(Math.max(fromScheduledMicros, 0), MAX_MICROS));
        statuses.incrementAndGet(status);
        count++;
        bytes += moved;
        if (isError(status)) {
            errors++;
        }
    }

    /**
     * NTSTATUS severity error (top two bits set, MS-ERREF 2.3.1); the negative client-side codes
     * (-1 to -4) have them set too. Warnings such as STATUS_NO_MORE_FILES are not errors.
     */
    public static boolean isError(int status) {
        return (status & 0xC0000000) == 0xC0000000;
    }

    public Histogram latency() {
        return latency;
    }

    public Histogram latencyFromScheduled() {
        return latencyFromScheduled;
    }

    /** Count of each status (NTSTATUS code, or a negative client-side code). */
    public Long2LongCounterMap statuses() {
        return statuses;
    }

    public long count() {
        return count;
    }

    public long errors() {
        return errors;
    }

    public long bytes() {
        return bytes;
    }
}
