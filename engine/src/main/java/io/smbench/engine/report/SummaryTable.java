package io.smbench.engine.report;

import io.smbench.engine.ir.OperationKind;
import io.smbench.engine.metrics.KindMetrics;
import io.smbench.engine.sched.ReplayResult;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The end-of-replay table: per operation kind, count, errors and latency percentiles in milliseconds. */
public final class SummaryTable {
    private SummaryTable() {}

    public static String format(ReplayResult result, List<String> invariantViolations) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "replay %s: %d of %d operations in %.3f s (%s backend)%n",
                result.stopReason(), result.completedOperations(), result.totalOperations(), result.elapsedNanos() / 1e9,
                result.backend()));
        out.append(String.format(Locale.ROOT, "%-15s %8s %7s %10s %10s %10s %10s %10s%n", "operation", "count", "errors",
                "p50 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms"));
        for (OperationKind kind : OperationKind.values()) {
            KindMetrics km = result.metrics().kind(kind);
            if (km.count() == 0) {
                continue;
            }
            Histogram h = km.latency();
            out.append(String.format(Locale.ROOT, "%-15s %8d %7d %10.3f %10.3f %10.3f %10.3f %10.3f%n", kind.name(),
                    km.count(), km.errors(), ms(h, 50), ms(h, 95), ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1000.0));
        }
        Histogram lateness = result.metrics().lateness();
        out.append(String.format(Locale.ROOT, "send lateness: p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms; "
                + "%d late by more than %.3f ms%n", ms(lateness, 50), ms(lateness, 99), ms(lateness, 99.9),
                lateness.getMaxValue() / 1000.0, result.metrics().lateOverThreshold(),
                result.metrics().lateThresholdNanos() / 1e6));
        out.append(String.format(Locale.ROOT, "checks: %d order violations, %d expected-status mismatches, "
                + "%d leaked handles, %d unanswered, %d invariant violations%n", result.orderViolations(),
                result.statusMismatches().size(), result.leakedHandles().size(), result.unanswered().size(),
                invariantViolations.size()));
        int shown = 0;
        for (String line : concat(result.statusMismatches(), result.leakedHandles(), invariantViolations)) {
            if (shown++ == 20) {
                out.append("  ... (see the JSON report for all)\n");
                break;
            }
            out.append("  ").append(line).append('\n');
        }
        return out.toString();
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
