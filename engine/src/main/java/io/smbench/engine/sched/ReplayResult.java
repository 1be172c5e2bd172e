package io.smbench.engine.sched;

import io.smbench.engine.metrics.IncidentTimeline;
import io.smbench.engine.metrics.ReplayMetrics;
import java.time.Instant;
import java.util.List;

/**
 * What a replay did, complete even when it was stopped early.
 *
 * @param leakedHandles handle_refs a client left open at its end, as "client: handle_ref"; the
 *     engine closed them so the server is left clean
 * @param unanswered op_ids issued but never answered (stop or drain timeout)
 * @param incidents the operations around each error, mismatch, break and reconnect, per client
 */
public record ReplayResult(
        String backend,
        Instant startedAt,
        long elapsedNanos,
        long totalOperations,
        long completedOperations,
        long orderViolations,
        List<String> statusMismatches,
        List<String> leakedHandles,
        List<String> unanswered,
        String stopReason,
        ReplayMetrics metrics,
        IncidentTimeline incidents) {
    /** A result without a per-client timeline (no incident was recorded). */
    public ReplayResult(String backend, Instant startedAt, long elapsedNanos, long totalOperations,
            long completedOperations, long orderViolations, List<String> statusMismatches, List<String> leakedHandles,
            List<String> unanswered, String stopReason, ReplayMetrics metrics) {
        this(backend, startedAt, elapsedNanos, totalOperations, completedOperations, orderViolations, statusMismatches,
                leakedHandles, unanswered, stopReason, metrics, new IncidentTimeline(List.of()));
    }
}
