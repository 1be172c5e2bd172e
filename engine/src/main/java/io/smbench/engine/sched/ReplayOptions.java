package io.smbench.engine.sched;

import java.time.Duration;

/**
 * How to replay.
 *
 * @param timeScale multiply each timestamp by this (0.1 = ten times faster)
 * @param asFastAsPossible ignore timestamps, keep per-client order
 * @param maxInFlight most operations outstanding at once across clients (0 = no limit)
 * @param idleStrategy "backoff" (default, saves CPU), "busy-spin" (precision), "yield" or "sleep"
 * @param lateThreshold lateness above which an issue counts as late in the report
 * @param drainTimeout how long to wait for in-flight operations after a stop
 */
public record ReplayOptions(double timeScale, boolean asFastAsPossible, int maxInFlight, String idleStrategy,
        Duration lateThreshold, Duration drainTimeout) {
    public ReplayOptions {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time scale must be a positive number, was " + timeScale);
        }
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("max in flight must be >= 0, was " + maxInFlight);
        }
    }

    public static ReplayOptions defaults() {
        return new ReplayOptions(1.0, false, 0, "backoff", Duration.ofMillis(1), Duration.ofSeconds(30));
    }
}
