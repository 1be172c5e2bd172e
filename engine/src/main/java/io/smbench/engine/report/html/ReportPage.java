package io.smbench.engine.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A replay report (docs/report.md) as one self-contained HTML page: summary, latency percentile
 * plots per operation kind, throughput over time, send lateness and the per-client timeline around
 * incidents. The page carries its CSS, draws its charts as inline SVG and runs no script, so it
 * shows the same offline, archived or attached to a ticket. A section the report lacks (an older or
 * merged report) is named on the page instead of failing the whole page.
 */
public final class ReportPage {
    private static final String STYLE = """
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330;
                   margin: 0 auto; max-width: 1540px; padding: 16px 28px 48px; background: #fff; }
            h1 { font-size: 24px; margin: 8px 0 4px; }
            h2 { font-size: 19px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #dde3ee; }
            h3 { font-size: 16px; margin: 20px 0 6px; }
            h4 { font-size: 14px; margin: 16px 0 6px; }
            nav a { margin-right: 14px; color: #2b5fb4; text-decoration: none; }
            table { border-collapse: collapse; margin: 6px 0 10px; }
            th, td { padding: 3px 10px; border-bottom: 1px solid #e5e9f0; text-align: right;
                     font-variant-numeric: tabular-nums; }
            th { background: #f3f5f9; font-weight: 600; }
            td:first-child, th:first-child { text-align: left; }
            table.keyvalue td { text-align: left; }
            table.ops td:nth-child(-n+3), table.ops th:nth-child(-n+3) { text-align: left; }
            table.statuses td:nth-child(-n+2), table.statuses td:last-child { text-align: left; }
            table.ops td:first-child { font-family: ui-monospace, monospace; font-size: 12px; }
            table.keyvalue td:first-child { color: #5a6478; }
            tr.error td { color: #b3261e; }
            tr.focus td { font-weight: 600; background: #fff1f0; }
            tr.marker td { text-align: left; color: #9a5b00; background: #fff7e6; font-weight: 600; }
            .missing { color: #8a5a00; background: #fff7e6; border-left: 4px solid #f0a020; padding: 6px 10px; }
            .totals b { font-size: 15px; }
            ul.items { margin: 4px 0 8px; padding-left: 22px; font-family: ui-monospace, monospace; font-size: 12px;
                       word-break: break-all; }
            svg { display: block; margin: 4px 0 14px; max-width: 100%; height: auto; }
            svg text { font: 11px system-ui, sans-serif; fill: #3c4556; }
            svg .axis-title { font-size: 12px; fill: #1d2330; }
            svg .grid { stroke: #e3e7ee; stroke-width: 1; }
            svg .frame { fill: none; stroke: #aab3c2; stroke-width: 1; }
            svg .axis { stroke: #aab3c2; stroke-width: 1; }
            svg polyline { fill: none; stroke-width: 2; stroke-linejoin: round; }
            svg .series0 { stroke: #2b6cd4; }
            svg .series1 { stroke: #e0702b; stroke-dasharray: 6 3; }
            svg .bar { fill: #4a8fe0; }
            svg .wait { stroke: #9aa4b5; stroke-width: 2; }
            svg .op-ok { fill: #3c9a5f; }
            svg .op-error { fill: #d0392f; }
            svg .incident-rule { stroke: #f0a020; stroke-width: 2; stroke-dasharray: 4 2; }
            svg .oplabel { font-family: ui-monospace, monospace; }
            svg .oplabel.focus { font-weight: 700; fill: #b3261e; }
            .legend { font-size: 12px; color: #3c4556; }
            .key { display: inline-block; width: 22px; height: 0; margin: 0 6px 3px 12px; vertical-align: middle; }
            .key.series0 { border-top: 3px solid #2b6cd4; }
            .key.series1 { border-top: 3px dashed #e0702b; }
            .kinds { display: grid; grid-template-columns: repeat(auto-fill, minmax(740px, 1fr)); gap: 0 28px; }
            section.kind { margin-bottom: 18px; }
            section.incident { max-width: 1000px; }
            """;

    private ReportPage() {}

    /** The page for {@code report}; never throws on missing or odd sections. */
    public static String render(JsonNode report) {
        StringBuilder out = new StringBuilder(64 * 1024);
        String workload = report.path("run").path("workload").asText("");
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // No script runs and nothing loads from elsewhere, whatever the report contains.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>smbench report").append(workload.isEmpty() ? "" : ": " + Html.text(workload))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>smbench replay report</h1>\n")
                .append("<nav><a href=\"#summary\">Summary</a><a href=\"#latency\">Latency</a>")
                .append("<a href=\"#throughput\">Throughput</a><a href=\"#lateness\">Lateness</a>")
                .append("<a href=\"#timeline\">Timeline</a></nav>\n");
        if (!report.path("report_version").isNumber()) {
            Section.missing(out, "This report has no report_version; it is read as version 1.");
        }
        SummarySection.append(out, report);
        LatencySection.appendByKind(out, report);
        ThroughputSection.append(out, report);
        LatencySection.appendLateness(out, report);
        TimelineSection.append(out, report);
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    /** Writes the page atomically, so a browser never shows half of it. */
    public static void write(JsonNode report, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.writeString(temporary, render(report), StandardCharsets.UTF_8);
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
