package io.smbench.engine.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Per client, what it was doing around each incident (an error, a mismatch, an oplock break, a lost
 * connection): a small chart of its operations in time (waiting to be sent, then in flight, with
 * the incident marked) and the same operations as a table. Then the report's break and reconnect
 * lists as they are.
 */
final class TimelineSection {
    private static final int WIDTH = SvgPlot.WIDTH;
    private static final int LABEL_WIDTH = 150;
    private static final int ROW = 18;
    private static final int AXIS = 30;
    private static final int MAX_LABEL = 22;

    private TimelineSection() {}

    static void append(StringBuilder out, JsonNode report) {
        Section.heading(out, "timeline", "Per-client timeline around errors and breaks");
        JsonNode timeline = report.path("timeline");
        JsonNode incidents = timeline.path("incidents");
        if (!incidents.isArray()) {
            Section.missing(out, "This report has no per-client timeline (timeline.incidents; written by smbench "
                    + "before it recorded one).");
        } else if (incidents.isEmpty()) {
            out.append("<p>No incidents: no operation failed or missed its expected status, and no client saw a "
                    + "break or lost its connection.</p>\n");
        } else {
            out.append("<p>").append(incidents.size()).append(incidents.size() == 1 ? " incident" : " incidents")
                    .append(". Each shows the client's operations before it and after it; in the charts a grey "
                            + "line is time waiting to be sent, a bar is time in flight, red marks errors.");
            if (timeline.path("incidents_not_kept").asLong() > 0) {
                out.append(" ").append(Section.count(timeline.path("incidents_not_kept")))
                        .append(" later incidents were counted but not kept.");
            }
            out.append("</p>\n");
            for (JsonNode incident : incidents) {
                appendIncident(out, incident);
            }
        }
        out.append("<h3>Oplock breaks</h3>\n");
        listOrMissing(out, report.path("breaks"), "breaks", "No oplock breaks.");
        out.append("<h3>Reconnects</h3>\n");
        listOrMissing(out, report.path("reconnects"), "reconnects", "No connection was lost.");
    }

    private static void listOrMissing(StringBuilder out, JsonNode list, String field, String none) {
        if (!list.isArray()) {
            Section.missing(out, "This report has no " + field + " list (" + field + ").");
        } else if (list.isEmpty()) {
            out.append("<p>").append(none).append("</p>\n");
        } else {
            SummarySection.listItems(out, list);
        }
    }

    private static void appendIncident(StringBuilder out, JsonNode incident) {
        String opId = incident.path("op_id").isTextual() ? incident.path("op_id").asText() : null;
        long at = incident.path("at_us").asLong();
        out.append("<section class=\"incident\">\n<h4>").append(Section.value(incident.path("client"))).append(": ")
                .append(Section.value(incident.path("cause")));
        if (opId != null) {
            out.append(" on ").append(Html.text(opId));
        }
        out.append(" at ").append(Section.millis(at)).append(" ms</h4>\n");
        JsonNode ops = incident.path("ops");
        if (!ops.isArray() || ops.isEmpty()) {
            out.append("<p>No operation of this client completed around it.</p>\n</section>\n");
            return;
        }
        out.append(chart(ops, at, opId));
        out.append("<table class=\"ops\">\n");
        Section.headerRow(out, "op_id", "kind", "status", "scheduled ms", "sent ms", "completed ms", "latency ms");
        boolean markerShown = opId != null;
        for (JsonNode op : ops) {
            if (!markerShown && op.path("completed_us").asLong() >= at) {
                markerRow(out, incident, at);
                markerShown = true;
            }
            String status = op.path("status").asText();
            boolean error = SummarySection.isError(status) && !status.isEmpty();
            boolean focus = opId != null && opId.equals(op.path("op_id").asText());
            out.append("<tr class=\"").append(error ? "error" : "ok").append(focus ? " focus" : "").append("\">");
            out.append("<td>").append(Section.value(op.path("op_id"))).append("</td><td>")
                    .append(Section.value(op.path("kind"))).append("</td><td>").append(Html.text(status))
                    .append("</td><td>").append(Section.millis(op.path("scheduled_us").asLong())).append("</td><td>")
                    .append(Section.millis(op.path("sent_us").asLong())).append("</td><td>")
                    .append(Section.millis(op.path("completed_us").asLong())).append("</td><td>")
                    .append(Section.millis(op.path("completed_us").asLong() - op.path("sent_us").asLong()))
                    .append("</td></tr>\n");
        }
        if (!markerShown) {
            markerRow(out, incident, at);
        }
        out.append("</table>\n</section>\n");
    }

    private static void markerRow(StringBuilder out, JsonNode incident, long at) {
        out.append("<tr class=\"marker\"><td colspan=\"7\">").append(Section.value(incident.path("cause")))
                .append(" at ").append(Section.millis(at)).append(" ms</td></tr>\n");
    }

    /** Operations as rows in time: scheduled→sent as a line, sent→completed as a bar; the incident as a rule. */
    private static String chart(JsonNode ops, long at, String focusOp) {
        long from = at;
        long to = at;
        for (JsonNode op : ops) {
            from = Math.min(from, Math.min(op.path("scheduled_us").asLong(), op.path("sent_us").asLong()));
            to = Math.max(to, op.path("completed_us").asLong());
        }
        long span = Math.max(1, to - from);
        int height = ops.size() * ROW + AXIS;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                        + "height=\"%d\" role=\"img\" aria-label=\"operations around the incident\">",
                WIDTH, height, WIDTH, height));
        double plotWidth = WIDTH - LABEL_WIDTH - 20;
        int row = 0;
        for (JsonNode op : ops) {
            double y = row++ * ROW;
            String id = op.path("op_id").asText();
            String shown = id.length() > MAX_LABEL ? id.substring(0, MAX_LABEL - 1) + "…" : id;
            double scheduled = x(op.path("scheduled_us").asLong(), from, span, plotWidth);
            double sent = x(op.path("sent_us").asLong(), from, span, plotWidth);
            double done = x(op.path("completed_us").asLong(), from, span, plotWidth);
            String status = op.path("status").asText();
            String css = SummarySection.isError(status) && !status.isEmpty() ? "op-error" : "op-ok";
            svg.append(String.format(Locale.ROOT,
                    "<text class=\"oplabel%s\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>"
                            + "<line class=\"wait\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                            + "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\"><title>%s</title></rect>",
                    id.equals(focusOp) ? " focus" : "", LABEL_WIDTH - 6, y + 13, Html.text(shown), scheduled, y + 9,
                    sent, y + 9, css, sent, y + 3, Math.max(1.5, done - sent), ROW - 6,
                    Html.text(id + " " + op.path("kind").asText() + " " + status + ", sent at "
                            + Section.millis(op.path("sent_us").asLong()) + " ms, took "
                            + Section.millis(op.path("completed_us").asLong() - op.path("sent_us").asLong()) + " ms")));
        }
        double marker = x(at, from, span, plotWidth);
        int axisY = ops.size() * ROW;
        svg.append(String.format(Locale.ROOT,
                "<line class=\"incident-rule\" x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\"/>"
                        + "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                        + "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"start\">%s ms</text>"
                        + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"end\">%s ms</text></svg>\n",
                marker, marker, axisY, LABEL_WIDTH, axisY + 2, LABEL_WIDTH + plotWidth, axisY + 2, LABEL_WIDTH,
                axisY + 18, Section.millis(from), LABEL_WIDTH + plotWidth, axisY + 18, Section.millis(to)));
        return svg.toString();
    }

    private static double x(long micros, long from, long span, double plotWidth) {
        return LABEL_WIDTH + (micros - from) * plotWidth / span;
    }
}
