package io.smbench.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smbench.engine.metrics.IncidentTimeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Merges the JSON reports of several shards into one, exactly: counts, errors, bytes and statuses
 * add up; histograms are decoded and added (so merged percentiles are those of the union, not an
 * average of percentiles); check lists are concatenated; throughput per second adds second by
 * second from each shard's start; elapsed time is the longest shard's.
 */
public final class ReportMerger {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportMerger() {}

    public static ObjectNode merge(List<Path> reports) throws IOException {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        ObjectNode merged = JSON.createObjectNode();
        merged.put("report_version", ReportJson.REPORT_VERSION);
        ObjectNode run = merged.putObject("run");
        run.put("merged_from", reports.size());
        ObjectNode operations = merged.putObject("operations");
        ObjectNode checks = merged.putObject("checks");
        ArrayNode breaks = merged.putArray("breaks");
        ArrayNode reconnects = merged.putArray("reconnects");
        ObjectNode timeline = merged.putObject("timeline");
        timeline.put("context_ops", IncidentTimeline.CONTEXT);
        ArrayNode incidents = timeline.putArray("incidents");
        ObjectNode byKind = merged.putObject("by_kind");
        Histogram lateness = null;
        long lateOver = 0;
        long threshold = 0;
        long[] perSecond = new long[0];
        double elapsed = 0;
        for (Path file : reports) {
            JsonNode report = JSON.readTree(file.toFile());
            if (report.path("report_version").asInt() != ReportJson.REPORT_VERSION) {
                throw new IllegalArgumentException(file + ": report_version " + report.path("report_version")
                        + ", expected " + ReportJson.REPORT_VERSION);
            }
            elapsed = Math.max(elapsed, report.path("run").path("elapsed_seconds").asDouble());
            add(operations, report.path("operations"), "total", "completed", "errors");
            add(checks, report.path("checks"), "order_violations");
            for (String list : new String[] {"expected_status_mismatches", "leaked_handles", "unanswered",
                "invariant_violations"}) {
                ArrayNode target = checks.has(list) ? (ArrayNode) checks.get(list) : checks.putArray(list);
                report.path("checks").path(list).forEach(target::add);
            }
            report.path("breaks").forEach(breaks::add);
            report.path("reconnects").forEach(reconnects::add);
            // Shards replay different clients, so their incidents never overlap.
            report.path("timeline").path("incidents").forEach(incidents::add);
            add(timeline, report.path("timeline"), "incidents_not_kept");
            lateness = addHistogram(lateness, report.path("lateness_us"));
            lateOver += report.path("lateness_us").path("late_over_threshold").asLong();
            threshold = report.path("lateness_us").path("threshold_us").asLong();
            Iterator<Map.Entry<String, JsonNode>> kinds = report.path("by_kind").fields();
            while (kinds.hasNext()) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                mergeKind(byKind, kind.getKey(), kind.getValue());
            }
            JsonNode seconds = report.path("throughput_per_second");
            if (seconds.size() > perSecond.length) {
                perSecond = java.util.Arrays.copyOf(perSecond, seconds.size());
            }
            for (int i = 0; i < seconds.size(); i++) {
                perSecond[i] += seconds.get(i).asLong();
            }
        }
        run.put("elapsed_seconds", elapsed);
        if (lateness != null) {
            ObjectNode late = ReportJson.percentilesOf(merged.putObject("lateness_us"), lateness);
            late.put("late_over_threshold", lateOver);
            late.put("threshold_us", threshold);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = byKind.fields(); it.hasNext();) {
            ObjectNode node = (ObjectNode) it.next().getValue();
            for (String field : new String[] {"latency_us", "latency_from_scheduled_us"}) {
                Histogram histogram = ReportJson.decode(node.get(field).get("histogram").asText());
                ReportJson.percentilesOf((ObjectNode) node.get(field), histogram);
            }
        }
        ArrayNode throughput = merged.putArray("throughput_per_second");
        for (long count : perSecond) {
            throughput.add(count);
        }
        return merged;
    }

    private static void add(ObjectNode target, JsonNode source, String... fields) {
        for (String field : fields) {
            target.put(field, target.path(field).asLong() + source.path(field).asLong());
        }
    }

    private static Histogram addHistogram(Histogram into, JsonNode node) {
        if (!node.has("histogram")) {
            throw new IllegalArgumentException("a report without encoded histograms cannot be merged exactly "
                    + "(written by an older smbench?)");
        }
        Histogram histogram = ReportJson.decode(node.get("histogram").asText());
        if (into == null) {
            return histogram;
        }
        into.add(histogram);
        return into;
    }

    private static void mergeKind(ObjectNode byKind, String kind, JsonNode source) {
        ObjectNode target = byKind.has(kind) ? (ObjectNode) byKind.get(kind) : byKind.putObject(kind);
        add(target, source, "count", "errors", "bytes");
        ObjectNode statuses = target.has("statuses") ? (ObjectNode) target.get("statuses") : target.putObject("statuses");
        source.path("statuses").fields().forEachRemaining(status -> statuses.put(status.getKey(),
                statuses.path(status.getKey()).asLong() + status.getValue().asLong()));
        for (String field : new String[] {"latency_us", "latency_from_scheduled_us"}) {
            JsonNode existing = target.get(field);
            Histogram histogram = addHistogram(existing == null ? null
                    : ReportJson.decode(existing.get("histogram").asText()), source.path(field));
            ObjectNode node = target.putObject(field);
            node.put("histogram", ReportJson.encode(histogram));
        }
    }
}
