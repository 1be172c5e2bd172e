package io.smbench.benchmarks.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark's primary result from a JMH JSON result file ({@code -rf json}).
 *
 * @param benchmark fully qualified benchmark method
 * @param mode JMH mode: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param params the {@code @Param} values, sorted by name (empty when none)
 * @param score the primary metric's score
 * @param error the 99.9% half-width of the score's confidence interval; 0 when JMH gave none (NaN, one iteration)
 * @param unit the score's unit, e.g. {@code ops/s} or {@code ns/op}
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double error,
        String unit) {

    public JmhResult {
        params = Map.copyOf(new TreeMap<>(params));
    }

    /** @return true when a higher score is better (throughput); time modes are better lower */
    public boolean higherIsBetter() {
        return "thrpt".equals(mode);
    }

    /** @return the matching key: benchmark name, mode and params, e.g. {@code a.B.m avgt size=1024} */
    public String key() {
        StringBuilder key = new StringBuilder(benchmark).append(' ').append(mode);
        new TreeMap<>(params).forEach((k, v) -> key.append(' ').append(k).append('=').append(v));
        return key.toString();
    }

    /** @return the short name shown in tables: class and method, then the params */
    public String label() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        StringBuilder label = new StringBuilder(benchmark.substring(type + 1));
        new TreeMap<>(params).forEach((k, v) -> label.append(' ').append(k).append('=').append(v));
        return label.toString();
    }

    /**
     * Reads every result of a JMH JSON file.
     *
     * @param file the JSON written by {@code -rf json -rff file}
     * @return the results in file order
     * @throws IOException when the file cannot be read or is not a JMH result array
     */
    public static List<JmhResult> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(file + ": not a JMH result file (expected a JSON array of benchmarks)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            results.add(parse(file, i, root.get(i)));
        }
        return results;
    }

    private static JmhResult parse(Path file, int index, JsonNode node) throws IOException {
        String where = file + ": entry " + index;
        JsonNode metric = node.path("primaryMetric");
        String benchmark = text(node, "benchmark", where);
        String mode = text(node, "mode", where);
        String unit = text(metric, "scoreUnit", where + " primaryMetric");
        double score = number(metric.get("score"), where + " primaryMetric.score");
        if (Double.isNaN(score)) {
            throw new IOException(where + ": primaryMetric.score is not a number");
        }
        double error = number(metric.get("scoreError"), where + " primaryMetric.scoreError");
        Map<String, String> params = new TreeMap<>();
        JsonNode p = node.get("params");
        if (p != null && p.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
        }
        return new JmhResult(benchmark, mode, params, score, Double.isNaN(error) ? 0 : Math.abs(error), unit);
    }

    private static String text(JsonNode node, String field, String where) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IOException(where + ": missing " + field);
        }
        return value.asText();
    }

    /** JMH writes NaN as the string "NaN" (one iteration has no error bar). */
    private static double number(JsonNode value, String where) throws IOException {
        if (value != null && value.isNumber()) {
            return value.asDouble();
        }
        if (value != null && value.isTextual() && "NaN".equals(value.asText())) {
            return Double.NaN;
        }
        throw new IOException(where + " is missing or not a number");
    }
}
