package io.smbench.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Two reports side by side, per operation kind: count, errors, p50/p99/p99.9 latency and the
 * change; statuses that differ; and whether the second run regressed past the user's thresholds
 * (for CI gates).
 *
 * @param maxP99IncreasePercent a kind whose p99 grows by more than this regresses (negative: off)
 * @param maxErrorIncrease a kind whose error count grows by more than this regresses (negative: off)
 */
public record ReportComparison(double maxP99IncreasePercent, long maxErrorIncrease) {
    /** The comparison text and the regressions found. */
    public record Result(String table, List<String> regressions) {}

    public Result compare(JsonNode before, JsonNode after) {
        StringBuilder out = new StringBuilder();
        List<String> regressions = new ArrayList<>();
        out.append(String.format(Locale.ROOT, "%-15s %9s %9s %7s %7s %11s %11s %8s %11s %11s %8s%n", "operation",
                "count A", "count B", "err A", "err B", "p50 A us", "p50 B us", "change", "p99 A us", "p99 B us",
                "change"));
        TreeSet<String> kinds = new TreeSet<>();
        before.path("by_kind").fieldNames().forEachRemaining(kinds::add);
        after.path("by_kind").fieldNames().forEachRemaining(kinds::add);
        for (String kind : kinds) {
            JsonNode a = before.path("by_kind").path(kind);
            JsonNode b = after.path("by_kind").path(kind);
            long p50a = a.path("latency_us").path("p50").asLong();
            long p50b = b.path("latency_us").path("p50").asLong();
            long p99a = a.path("latency_us").path("p99").asLong();
            long p99b = b.path("latency_us").path("p99").asLong();
            long errA = a.path("errors").asLong();
            long errB = b.path("errors").asLong();
            out.append(String.format(Locale.ROOT, "%-15s %9d %9d %7d %7d %11d %11d %8s %11d %11d %8s%n", kind,
                    a.path("count").asLong(), b.path("count").asLong(), errA, errB, p50a, p50b, change(p50a, p50b),
                    p99a, p99b, change(p99a, p99b)));
            if (maxP99IncreasePercent >= 0 && p99a > 0 && (p99b - p99a) * 100.0 / p99a > maxP99IncreasePercent) {
                regressions.add(String.format(Locale.ROOT, "%s: p99 %d us -> %d us (%s, more than %.1f%%)", kind, p99a,
                        p99b, change(p99a, p99b), maxP99IncreasePercent));
            }
            if (maxErrorIncrease >= 0 && errB - errA > maxErrorIncrease) {
                regressions.add(kind + ": errors " + errA + " -> " + errB);
            }
            List<String> statusChanges = statusChanges(a.path("statuses"), b.path("statuses"));
            for (String change : statusChanges) {
                out.append("    ").append(kind).append(' ').append(change).append('\n');
            }
        }
        return new Result(out.toString(), regressions);
    }

    private static List<String> statusChanges(JsonNode a, JsonNode b) {
        TreeSet<String> names = new TreeSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        List<String> changes = new ArrayList<>();
        for (String name : names) {
            long countA = a.path(name).asLong();
            long countB = b.path(name).asLong();
            if (countA != countB) {
                changes.add(name + ": " + countA + " -> " + countB);
            }
        }
        return changes;
    }

    private static String change(long a, long b) {
        if (a == 0) {
            return b == 0 ? "0%" : "new";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (b - a) * 100.0 / a);
    }
}
