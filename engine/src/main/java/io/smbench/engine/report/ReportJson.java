package io.smbench.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smbench.engine.ir.OperationKind;
import io.smbench.engine.metrics.IncidentTimeline;
import io.smbench.engine.metrics.KindMetrics;
import io.smbench.engine.metrics.ReplayMetrics;
import io.smbench.engine.sched.ReplayResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The JSON report (docs/report.md, {@code report_version} 1). Field names and meanings are stable;
 * new fields may be added.
 */
public final class ReportJson {
    public static final int REPORT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    /**
     * @param context what was replayed against what (workload, server, share, options), copied into
     *     the report as it is
     * @param invariantViolations operations that broke a rule at run time (e.g. an unopened handle)
     * @param breaks oplock breaks in the order seen, each naming its client (the timeline)
     */
    public static ObjectNode build(ReplayResult result, Map<String, Object> context, List<String> invariantViolations,
            List<String> breaks) {
        return build(result, context, invariantViolations, breaks, List.of());
    }

    /** @param reconnects lost connections, reconnects and reclaimed handles, in order */
    public static ObjectNode build(ReplayResult result, Map<String, Object> context, List<String> invariantViolations,
            List<String> breaks, List<String> reconnects) {
        return build(result, context, invariantViolations, breaks, reconnects, Map.of());
    }

    /**
     * @param grants how many opens asked for each oplock level or lease state and what the server
     *     granted, as "asked -> granted" (e.g. "Lease RWH -> Lease RH")
     */
    public static ObjectNode build(ReplayResult result, Map<String, Object> context, List<String> invariantViolations,
            List<String> breaks, List<String> reconnects, Map<String, Long> grants) {
        ObjectNode root = JSON.createObjectNode();
        root.put("report_version", REPORT_VERSION);
        ObjectNode run = root.putObject("run");
        context.forEach((key, value) -> run.putPOJO(key, value));
        run.put("backend", result.backend());
        run.put("started_at", result.startedAt().toString());
        run.put("elapsed_seconds", result.elapsedNanos() / 1e9);
        run.put("stop_reason", result.stopReason());

        ObjectNode ops = root.putObject("operations");
        ops.put("total", result.totalOperations());
        ops.put("completed", result.completedOperations());
        long errors = 0;
        for (OperationKind kind : OperationKind.values()) {
            errors += result.metrics().kind(kind).errors();
        }
        ops.put("errors", errors);

        ObjectNode checks = root.putObject("checks");
        checks.put("order_violations", result.orderViolations());
        strings(checks.putArray("expected_status_mismatches"), result.statusMismatches());
        strings(checks.putArray("leaked_handles"), result.leakedHandles());
        strings(checks.putArray("unanswered"), result.unanswered());
        strings(checks.putArray("invariant_violations"), invariantViolations);
        strings(root.putArray("breaks"), breaks);
        strings(root.putArray("reconnects"), reconnects);
        ObjectNode granted = root.putObject("grants");
        new java.util.TreeMap<>(grants).forEach(granted::put);

        ReplayMetrics metrics = result.metrics();
        ObjectNode lateness = percentiles(root.putObject("lateness_us"), metrics.lateness());
        lateness.put("late_over_threshold", metrics.lateOverThreshold());
        lateness.put("threshold_us", metrics.lateThresholdNanos() / 1000);

        ObjectNode byKind = root.putObject("by_kind");
        for (OperationKind kind : OperationKind.values()) {
            KindMetrics km = metrics.kind(kind);
            if (km.count() == 0) {
                continue;
            }
            ObjectNode node = byKind.putObject(kind.name());
            node.put("count", km.count());
            node.put("errors", km.errors());
            node.put("bytes", km.bytes());
            ObjectNode statuses = node.putObject("statuses");
            km.statuses().forEach((status, count) -> statuses.put(StatusNames.describe((int) status), count));
            percentiles(node.putObject("latency_us"), km.latency());
            percentiles(node.putObject("latency_from_scheduled_us"), km.latencyFromScheduled());
        }
        ArrayNode perSecond = root.putArray("throughput_per_second");
        for (long count : metrics.throughputPerSecond()) {
            perSecond.add(count);
        }
        timeline(root.putObject("timeline"), result.incidents());
        return root;
    }

    private static void timeline(ObjectNode node, IncidentTimeline timeline) {
        node.put("context_ops", IncidentTimeline.CONTEXT);
        node.put("incidents_not_kept", timeline.notKept());
        ArrayNode incidents = node.putArray("incidents");
        for (IncidentTimeline.Incident incident : timeline.incidents()) {
            ObjectNode i = incidents.addObject();
            i.put("client", incident.client());
            i.put("cause", incident.cause().label());
            i.put("op_id", incident.opId());
            i.put("at_us", incident.atUs());
            ArrayNode ops = i.putArray("ops");
            for (IncidentTimeline.Entry entry : incident.ops()) {
                ops.addObject()
                        .put("op_id", entry.opId())
                        .put("kind", entry.kind().name())
                        .put("status", StatusNames.describe(entry.status()))
                        .put("scheduled_us", entry.scheduledUs())
                        .put("sent_us", entry.sentUs())
                        .put("completed_us", entry.completedUs());
            }
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static ObjectNode percentiles(ObjectNode node, Histogram histogram) {
        node.put("count", histogram.getTotalCount());
        node.put("p50", histogram.getValueAtPercentile(50));
        node.put("p95", histogram.getValueAtPercentile(95));
        node.put("p99", histogram.getValueAtPercentile(99));
        node.put("p99_9", histogram.getValueAtPercentile(99.9));
        node.put("max", histogram.getMaxValue());
        node.put("mean", Math.round(histogram.getMean() * 10) / 10.0);
        node.put("histogram", encode(histogram));
        return node;
    }

    /** The histogram, compressed in HdrHistogram's own encoding and base64'd, so reports merge exactly. */
    static String encode(Histogram histogram) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    /** The histogram {@link #encode} wrote (a report's {@code histogram} field). */
    public static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(java.nio.ByteBuffer.wrap(
                    java.util.Base64.getDecoder().decode(base64)), 0);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException("report histogram does not decode: " + e.getMessage(), e);
        }
    }

    /** Percentile fields (and the encoded histogram) of {@code histogram} into {@code node}. */
    static ObjectNode percentilesOf(ObjectNode node, Histogram histogram) {
        return percentiles(node, histogram);
    }

    /**
     * Reads a report written by {@link #write} (or merged), checking it is one: a JSON object with
     * a {@code report_version} of 1 or later (later versions only add fields).
     *
     * @throws ReportFormatException naming the file and what was wrong
     */
    public static com.fasterxml.jackson.databind.JsonNode read(Path file) {
        if (!Files.exists(file)) {
            throw new ReportFormatException(file + ": no such report file", null);
        }
        if (Files.isDirectory(file)) {
            throw new ReportFormatException(file + ": is a directory; expected a report file", null);
        }
        com.fasterxml.jackson.databind.JsonNode report;
        try {
            report = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new ReportFormatException(file + ": not JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + shortMessage(e), e);
        } catch (IOException e) {
            throw new ReportFormatException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (report == null || report.isMissingNode()) {
            throw new ReportFormatException(file + ": empty; expected a replay report (a JSON object, "
                    + "docs/report.md)", null);
        }
        if (!report.isObject()) {
            throw new ReportFormatException(file + ": expected a replay report (a JSON object, docs/report.md), "
                    + "found a JSON " + report.getNodeType().name().toLowerCase(java.util.Locale.ROOT), null);
        }
        com.fasterxml.jackson.databind.JsonNode version = report.path("report_version");
        if (!version.isIntegralNumber() || version.asInt() < 1) {
            throw new ReportFormatException(file + ": report_version is " + (version.isMissingNode() ? "missing"
                    : version.toString()) + "; expected " + REPORT_VERSION + " or later (an smbench replay report, "
                    + "docs/report.md)", null);
        }
        return report;
    }

    /** Jackson's message without the parser's location dump, which the caller already gives. */
    private static String shortMessage(com.fasterxml.jackson.core.JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int noise = message.indexOf(" (start marker at");
        return (noise >= 0 ? message.substring(0, noise) : message).lines().findFirst().orElse(message);
    }

    /** Writes the report atomically (a temporary file moved into place), so a reader never sees half of it. */
    public static void write(ObjectNode report, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        JSON.writeValue(temporary.toFile(), report);
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
