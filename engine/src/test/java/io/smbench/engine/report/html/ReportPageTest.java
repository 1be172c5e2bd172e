package io.smbench.engine.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smbench.engine.report.ReportJson;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportPageTest {
    private static ObjectNode report;

    @BeforeAll
    static void replay() throws Exception {
        report = TroubledReplay.report();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void shouldEscapeEveryStringFromTheReport() {
        ObjectNode hostile = report.deepCopy();
        String evil = TroubledReplay.HOSTILE;
        ((ObjectNode) hostile.get("run")).put(evil, evil);
        ObjectNode byKind = (ObjectNode) hostile.get("by_kind");
        byKind.set(evil, byKind.get("Read").deepCopy());
        ((ObjectNode) byKind.get("Read").get("statuses")).put(evil, 3);
        ObjectNode incident = (ObjectNode) hostile.get("timeline").get("incidents").get(0);
        incident.put("client", evil).put("cause", evil).put("op_id", evil);
        ((ObjectNode) incident.get("ops").get(0)).put("op_id", evil).put("kind", evil).put("status", evil);
        ((ArrayNode) hostile.get("checks").get("expected_status_mismatches")).add(evil);
        ((ArrayNode) hostile.get("reconnects")).add(evil);

        String page = ReportPage.render(hostile);

        assertThat(page).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContain("'x'").doesNotContain("&amp;amp;'");
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
                + "&amp;amp;");
        // Every occurrence in the report came out escaped, none raw: the workload, the run key and
        // value, the kind (heading, attribute, status table), the status, the incident, the lists.
        assertThat(occurrences(page, "&lt;script&gt;")).isGreaterThanOrEqualTo(14);
        assertThat(page).doesNotContain("javascript:").doesNotContain("<iframe");
    }

    @Test
    void shouldPlotPercentilesThatAgreeWithTheReportedOnes() {
        Iterator<Map.Entry<String, JsonNode>> kinds = report.get("by_kind").fields();
        int checked = 0;
        while (kinds.hasNext()) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            for (String field : new String[] {"latency_us", "latency_from_scheduled_us"}) {
                JsonNode node = kind.getValue().get(field);
                PercentileCurve curve = new PercentileCurve(ReportJson.decode(node.get("histogram").asText()));
                assertThat(curve.count()).as(kind.getKey()).isEqualTo(node.get("count").asLong())
                        .isEqualTo(kind.getValue().get("count").asLong());
                assertThat(curve.valueAt(50)).as(kind.getKey() + " p50").isEqualTo(node.get("p50").asLong());
                assertThat(curve.valueAt(99)).as(kind.getKey() + " p99").isEqualTo(node.get("p99").asLong());
                assertThat(curve.max()).isEqualTo(node.get("max").asLong());
                double[] values = curve.values();
                for (int i = 1; i < values.length; i++) {
                    assertThat(values[i]).as("a percentile curve never falls").isGreaterThanOrEqualTo(values[i - 1]);
                }
                assertThat(values[values.length - 1]).isLessThanOrEqualTo(curve.max());
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
        assertThat(PercentileCurve.percentileAt(2)).isEqualTo(99.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(PercentileCurve.percentileAt(4)).isEqualTo(99.99, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void shouldDrawAChartPerKindThroughputLatenessAndEachIncident() {
        String page = ReportPage.render(report);
        int kinds = report.get("by_kind").size();
        int incidents = report.get("timeline").get("incidents").size();
        assertThat(incidents).as("two denials and a break").isEqualTo(3);
        assertThat(occurrences(page, "<svg class=\"chart\"")).isEqualTo(kinds + 2);
        assertThat(occurrences(page, "<svg class=\"timeline\"")).isEqualTo(incidents);
        assertThat(page).contains("<h4>u009: error on u009_010 at ", "<h4>u023: error on u023_012 at ",
                "<h4>u066: oplock break at ");
        assertThat(page).contains("<td>STATUS_ACCESS_DENIED</td><td>error</td><td>2</td><td>Write 2</td>");
        assertThat(page).doesNotContain("class=\"missing\"");
        // The p99 cell of the Read row shows the report's value.
        long readP99 = report.get("by_kind").get("Read").get("latency_us").get("p99").asLong();
        assertThat(page).contains(String.format(java.util.Locale.ROOT, "<td class=\"p99\">%,d</td>", readP99));
        // No script, nothing fetched from elsewhere.
        assertThat(page).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http");
    }

    @Test
    void shouldSayWhatAReportLacksInsteadOfFailing() {
        String empty = ReportPage.render(new ObjectMapper().createObjectNode());
        assertThat(empty).contains("This report has no report_version", "This report has no run information",
                "This report has no per-kind latencies", "This report has no throughput over time",
                "This report has no send lateness", "This report has no per-client timeline",
                "This report has no breaks list", "This report has no checks");
        assertThat(empty).endsWith("</html>\n");

        ObjectNode older = report.deepCopy();
        older.remove("timeline");
        older.remove("reconnects");
        ((ObjectNode) older.get("by_kind").get("Read").get("latency_from_scheduled_us")).remove("histogram");
        ((ObjectNode) older.get("by_kind").get("Write").get("latency_us")).put("histogram", "bm90IGEgaGlzdG9ncmFt");
        String page = ReportPage.render(older);
        assertThat(page).contains("This report has no per-client timeline", "This report has no reconnects list",
                "No from scheduled send histogram in this report",
                "The from actual send histogram does not decode");
        Matcher charts = Pattern.compile("<svg class=\"chart\"").matcher(page);
        assertThat(charts.results().count()).as("Read still plots from actual send; Write from scheduled send")
                .isEqualTo(report.get("by_kind").size() + 2);
    }
}
