package io.smbench.engine.report.html;

import com.fasterxml.jackson.databind.JsonNode;

/** Completions in each second of the replay, as bars. */
final class ThroughputSection {
    private ThroughputSection() {}

    static void append(StringBuilder out, JsonNode report) {
        Section.heading(out, "throughput", "Throughput over time");
        JsonNode seconds = report.path("throughput_per_second");
        if (!seconds.isArray() || seconds.isEmpty()) {
            Section.missing(out, "This report has no throughput over time (throughput_per_second).");
            return;
        }
        long peak = 0;
        long total = 0;
        for (JsonNode second : seconds) {
            peak = Math.max(peak, second.asLong());
            total += second.asLong();
        }
        out.append("<p>").append(String.format(java.util.Locale.ROOT, "%,d", total))
                .append(" completions over ").append(seconds.size()).append(seconds.size() == 1 ? " second" : " seconds")
                .append(", at most ").append(String.format(java.util.Locale.ROOT, "%,d", peak))
                .append(" in one second. The last second may be partial.</p>\n");
        SvgPlot plot = new SvgPlot("completions per second", seconds.size(), peak, "seconds since the replay started",
                "completions per second");
        int labelEvery = Math.max(1, (int) Math.ceil(seconds.size() / 10.0));
        for (int s = 0; s <= seconds.size(); s += labelEvery) {
            plot.xTick(s, Integer.toString(s));
        }
        for (int s = 0; s < seconds.size(); s++) {
            long count = seconds.get(s).asLong();
            plot.bar(s + 0.05, s + 0.95, count, "bar", "second " + s + ": " + count + (count == 1 ? " completion" : " completions"));
        }
        out.append(plot.toSvg()).append('\n');
    }
}
