package io.smbench.engine.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.smbench.engine.report.ReportJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per operation kind, the latency percentiles as a table (the report's own values) and as a
 * percentile plot (decoded from the report's histograms): from the actual send, and from the
 * scheduled send, which shows what a stalled server hid behind late sends. Send lateness is
 * plotted the same way.
 */
final class LatencySection {
    private static final String[] PERCENTILE_FIELDS = {"p50", "p95", "p99", "p99_9", "max", "mean"};
    private static final String[] PERCENTILE_TITLES = {"p50", "p95", "p99", "p99.9", "max", "mean"};
    private static final String[] NINES_LABELS = {"0%", "90%", "99%", "99.9%", "99.99%"};

    private LatencySection() {}

    static void appendByKind(StringBuilder out, JsonNode report) {
        Section.heading(out, "latency", "Latency by operation kind");
        JsonNode byKind = report.path("by_kind");
        if (!byKind.isObject()) {
            Section.missing(out, "This report has no per-kind latencies (by_kind).");
            return;
        }
        if (byKind.isEmpty()) {
            out.append("<p>No operation completed, so there are no latencies.</p>\n");
            return;
        }
        // Two kinds side by side on a wide screen, one under the other on a narrow one.
        out.append("<div class=\"kinds\">\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = byKind.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String kind = entry.getKey();
            JsonNode node = entry.getValue();
            out.append("<section class=\"kind\" data-kind=\"").append(Html.text(kind)).append("\">\n<h3>")
                    .append(Html.text(kind)).append("</h3>\n<p>").append(Section.count(node.path("count")))
                    .append(" operations, ").append(Section.count(node.path("errors"))).append(" errors, ")
                    .append(Section.count(node.path("bytes"))).append(" bytes moved.</p>\n");
            percentileTable(out, List.of(new Labelled("from actual send", node.path("latency_us")),
                    new Labelled("from scheduled send", node.path("latency_from_scheduled_us"))));
            plot(out, kind + " latency by percentile", "latency (µs)",
                    List.of(new Labelled("from actual send", node.path("latency_us")),
                            new Labelled("from scheduled send", node.path("latency_from_scheduled_us"))));
            out.append("</section>\n");
        }
        out.append("</div>\n");
    }

    static void appendLateness(StringBuilder out, JsonNode report) {
        Section.heading(out, "lateness", "Timing lateness");
        JsonNode lateness = report.path("lateness_us");
        if (!lateness.isObject()) {
            Section.missing(out, "This report has no send lateness (lateness_us).");
            return;
        }
        out.append("<p>How late operations were sent after their scheduled time. <b>")
                .append(Section.count(lateness.path("late_over_threshold"))).append("</b> of ")
                .append(Section.count(lateness.path("count"))).append(" were late by more than ")
                .append(Section.count(lateness.path("threshold_us"))).append(" µs.</p>\n");
        percentileTable(out, List.of(new Labelled("send lateness", lateness)));
        plot(out, "send lateness by percentile", "lateness (µs)", List.of(new Labelled("send lateness", lateness)));
    }

    /** A percentile node of the report with the name its series gets. */
    private record Labelled(String name, JsonNode node) {}

    private static void percentileTable(StringBuilder out, List<Labelled> rows) {
        out.append("<table class=\"percentiles\">\n<tr><th>µs</th>");
        for (String title : PERCENTILE_TITLES) {
            out.append("<th>").append(title).append("</th>");
        }
        out.append("<th>count</th></tr>\n");
        for (Labelled row : rows) {
            if (!row.node().isObject()) {
                continue;
            }
            out.append("<tr><td>").append(Html.text(row.name())).append("</td>");
            for (String field : PERCENTILE_FIELDS) {
                JsonNode value = row.node().path(field);
                out.append("<td class=\"").append(field).append("\">")
                        .append(value.isNumber() && !value.isIntegralNumber()
                                ? String.format(Locale.ROOT, "%,.1f", value.asDouble()) : Section.count(value))
                        .append("</td>");
            }
            out.append("<td>").append(Section.count(row.node().path("count"))).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void plot(StringBuilder out, String label, String yTitle, List<Labelled> series) {
        List<String> names = new ArrayList<>();
        List<double[]> curves = new ArrayList<>();
        double yMax = 0;
        for (Labelled s : series) {
            JsonNode encoded = s.node().path("histogram");
            if (!encoded.isTextual()) {
                Section.missing(out, "No " + s.name() + " histogram in this report: " + s.name()
                        + " cannot be plotted.");
                continue;
            }
            PercentileCurve curve;
            try {
                curve = new PercentileCurve(ReportJson.decode(encoded.asText()));
            } catch (RuntimeException e) {
                Section.missing(out, "The " + s.name() + " histogram does not decode (" + e.getMessage()
                        + "): it cannot be plotted.");
                continue;
            }
            if (curve.count() == 0) {
                continue;
            }
            double[] values = curve.values();
            yMax = Math.max(yMax, values[values.length - 1]);
            names.add(s.name());
            curves.add(values);
        }
        if (curves.isEmpty()) {
            return;
        }
        SvgPlot plot = new SvgPlot(label, PercentileCurve.MAX_NINES, yMax, "percentile", yTitle);
        for (int nines = 0; nines < NINES_LABELS.length; nines++) {
            plot.xTick(nines, NINES_LABELS[nines]);
        }
        double[] xs = PercentileCurve.nines();
        out.append("<div class=\"legend\">");
        for (int i = 0; i < curves.size(); i++) {
            plot.line(xs, curves.get(i), "series" + i, names.get(i));
            out.append("<span class=\"key series").append(i).append("\"></span>").append(Html.text(names.get(i)))
                    .append(' ');
        }
        out.append("</div>\n").append(plot.toSvg()).append('\n');
    }
}
