package io.smbench.engine.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Building blocks every section uses: headings, notes for what a report lacks, number formats. */
final class Section {
    private Section() {}

    static void heading(StringBuilder out, String id, String title) {
        out.append("<h2 id=\"").append(id).append("\">").append(Html.text(title)).append("</h2>\n");
    }

    /** Said on the page when the report lacks what a section shows (an older or merged report). */
    static void missing(StringBuilder out, String what) {
        out.append("<p class=\"missing\">").append(Html.text(what)).append("</p>\n");
    }

    /** A table row of already escaped cells. */
    static void row(StringBuilder out, String... cells) {
        out.append("<tr>");
        for (String cell : cells) {
            out.append("<td>").append(cell).append("</td>");
        }
        out.append("</tr>\n");
    }

    static void headerRow(StringBuilder out, String... titles) {
        out.append("<tr>");
        for (String title : titles) {
            out.append("<th>").append(Html.text(title)).append("</th>");
        }
        out.append("</tr>\n");
    }

    /** An integer with thousands separators, or "–" when the field is absent. */
    static String count(JsonNode node) {
        return node.isNumber() ? String.format(Locale.ROOT, "%,d", node.asLong()) : "–";
    }

    /** Microseconds as milliseconds with three decimals. */
    static String millis(long micros) {
        return String.format(Locale.ROOT, "%,.3f", micros / 1000.0);
    }

    /** Any JSON value as escaped text (strings without their quotes). */
    static String value(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "–";
        }
        return Html.text(node.isValueNode() ? node.asText() : node.toString());
    }
}
