package io.smbench.engine.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.smbench.smb.mserref.NtStatus;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/** What ran against what, the totals, the checks and every outcome that was not a success. */
final class SummarySection {
    /** Long lists (mismatches in a run where everything failed) are cut here; the JSON has them all. */
    static final int MAX_LISTED = 50;
    private static final String[] CHECK_LISTS = {"expected_status_mismatches", "leaked_handles", "unanswered",
        "invariant_violations"};

    private SummarySection() {}

    static void append(StringBuilder out, JsonNode report) {
        Section.heading(out, "summary", "Summary");
        JsonNode run = report.path("run");
        if (run.isObject() && run.size() > 0) {
            out.append("<table class=\"keyvalue\">\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = run.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                Section.row(out, Html.text(field.getKey()), Section.value(field.getValue()));
            }
            out.append("</table>\n");
        } else {
            Section.missing(out, "This report has no run information (run).");
        }
        JsonNode ops = report.path("operations");
        if (ops.isObject()) {
            out.append("<p class=\"totals\">Operations: <b>").append(Section.count(ops.path("total")))
                    .append("</b> total, <b>").append(Section.count(ops.path("completed"))).append("</b> completed, <b>")
                    .append(Section.count(ops.path("errors"))).append("</b> errors.</p>\n");
        } else {
            Section.missing(out, "This report has no operation totals (operations).");
        }
        appendChecks(out, report.path("checks"));
        appendStatuses(out, report.path("by_kind"));
    }

    private static void appendChecks(StringBuilder out, JsonNode checks) {
        out.append("<h3>Checks</h3>\n");
        if (!checks.isObject()) {
            Section.missing(out, "This report has no checks (checks).");
            return;
        }
        out.append("<p>Order violations: <b>").append(Section.count(checks.path("order_violations")))
                .append("</b></p>\n");
        for (String list : CHECK_LISTS) {
            JsonNode items = checks.path(list);
            out.append("<p>").append(Html.text(list.replace('_', ' '))).append(": <b>")
                    .append(items.isArray() ? Integer.toString(items.size()) : "not in this report").append("</b></p>\n");
            listItems(out, items);
        }
    }

    /** An escaped list of the first {@link #MAX_LISTED} strings of a JSON array. */
    static void listItems(StringBuilder out, JsonNode items) {
        if (!items.isArray() || items.isEmpty()) {
            return;
        }
        out.append("<ul class=\"items\">\n");
        int shown = 0;
        for (JsonNode item : items) {
            if (shown++ == MAX_LISTED) {
                out.append("<li class=\"more\">… ").append(items.size() - MAX_LISTED)
                        .append(" more in the JSON report</li>\n");
                break;
            }
            out.append("<li>").append(Section.value(item)).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private static void appendStatuses(StringBuilder out, JsonNode byKind) {
        out.append("<h3>Outcomes other than success, by status</h3>\n");
        if (!byKind.isObject()) {
            Section.missing(out, "This report has no per-kind statuses (by_kind).");
            return;
        }
        // status -> kind -> count, sorted for a stable page
        TreeMap<String, TreeMap<String, Long>> byStatus = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> kinds = byKind.fields(); kinds.hasNext();) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            for (Iterator<Map.Entry<String, JsonNode>> it = kind.getValue().path("statuses").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> status = it.next();
                if (!status.getKey().equals("STATUS_SUCCESS")) {
                    byStatus.computeIfAbsent(status.getKey(), s -> new TreeMap<>()).merge(kind.getKey(),
                            status.getValue().asLong(), Long::sum);
                }
            }
        }
        if (byStatus.isEmpty()) {
            out.append("<p>Every operation completed with STATUS_SUCCESS.</p>\n");
            return;
        }
        out.append("<table class=\"statuses\">\n");
        Section.headerRow(out, "status", "severity", "count", "by operation kind");
        byStatus.forEach((status, kinds) -> {
            long total = kinds.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder perKind = new StringBuilder();
            kinds.forEach((kind, n) -> perKind.append(perKind.isEmpty() ? "" : ", ").append(Html.text(kind))
                    .append(' ').append(n));
            boolean error = isError(status);
            out.append(error ? "<tr class=\"error\">" : "<tr>").append("<td>").append(Html.text(status))
                    .append("</td><td>").append(error ? "error" : "not an error").append("</td><td>").append(total)
                    .append("</td><td>").append(perKind).append("</td></tr>\n");
        });
        out.append("</table>\n");
    }

    /** Errors as the report counts them: NTSTATUS error severity, or a client-side outcome. */
    static boolean isError(String status) {
        OptionalInt code = NtStatus.parse(status);
        if (code.isPresent()) {
            return (code.getAsInt() & 0xC0000000) == 0xC0000000;
        }
        // TIMEOUT, CONNECTION_LOST, CLIENT_ERROR, UNSUPPORTED_BY_SMBENCH: smbench's own failures.
        return true;
    }
}
