package io.smbench.engine.metrics;

import io.smbench.engine.ir.OperationKind;
import org.HdrHistogram.Histogram;

/**
 * All measurements of one replay. Single writer: the scheduler's thread; read after the replay.
 */
public final class ReplayMetrics {
    private final KindMetrics[] byKind = new KindMetrics[OperationKind.values().length];
    private final Histogram lateness = new Histogram(KindMetrics.MAX_MICROS, 3);
    private final long lateThresholdNanos;
    private long lateOverThreshold;
    private long[] perSecond = new long[64];
    private int lastSecond = -1;

    public ReplayMetrics(long lateThresholdNanos) {
        this.lateThresholdNanos = lateThresholdNanos;
        for (int i = 0; i < byKind.length; i++) {
            byKind[i] = new KindMetrics();
        }
    }

    /** An operation was issued {@code latenessNanos} after its scheduled time. */
    public void issued(long latenessNanos) {
        long late = Math.max(0, latenessNanos);
        lateness.recordValue(Math.min(late / 1000, KindMetrics.MAX_MICROS));
        if (late > lateThresholdNanos) {
            lateOverThreshold++;
        }
    }

    /**
     * An operation completed.
     *
     * @param sinceStartNanos completion time since the replay started, for throughput over time
     */
    public void completed(OperationKind kind, long latencyNanos, long fromScheduledNanos, int status, long bytes,
            long sinceStartNanos) {
        byKind[kind.ordinal()].record(latencyNanos / 1000, fromScheduledNanos / 1000, status, bytes);
        int second = (int) (sinceStartNanos / 1_000_000_000L);
        if (second >= perSecond.length) {
            // Grows once per doubling of the run's length, not per operation.
            perSecond = java.util.Arrays.copyOf(perSecond, Math.max(second + 1, perSecond.length * 2));
        }
        perSecond[second]++;
        lastSecond = Math.max(lastSecond, second);
    }

    public KindMetrics kind(OperationKind kind) {
        return byKind[kind.ordinal()];
    }

    public Histogram lateness() {
        return lateness;
    }

    public long lateOverThreshold() {
        return lateOverThreshold;
    }

    public long lateThresholdNanos() {
        return lateThresholdNanos;
    }

    /** Completions in each second of the replay. */
    public long[] throughputPerSecond() {
        return java.util.Arrays.copyOf(perSecond, lastSecond + 1);
    }
}
