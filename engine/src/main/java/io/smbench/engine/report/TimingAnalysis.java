package io.smbench.engine.report;

import io.smbench.engine.metrics.OperationLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The capture's timeline against the replay's, per client, from an operation log
 * ({@link OperationLog}, {@code smbench replay --op-log}): how far each request was sent from its
 * captured (scaled) time, and how the server's response times in the replay compare with the
 * capture's. The operations whose latency grew most are listed by op_id, so an engineer can open
 * the capture at the same place.
 */
public final class TimingAnalysis {
    private static final int WORST = 5;

    /** One operation's row of the log; -1 for a value the log does not hold. */
    record Row(String client, String opId, String kind, long capturedUs, long capturedLatencyUs, long scheduledUs,
            long sentUs, long completedUs, String status) {
        boolean ran() {
            return sentUs >= 0;
        }

        long replayLatencyUs() {
            return completedUs - sentUs;
        }
    }

    private final Map<String, List<Row>> byClient;

    private TimingAnalysis(Map<String, List<Row>> byClient) {
        this.byClient = byClient;
    }

    public static TimingAnalysis read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportFormatException(csv + ": cannot read the operation log: " + e, e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(OperationLog.HEADER)) {
            throw new ReportFormatException(csv + ": line 1: expected the operation log header \"" + OperationLog.HEADER
                    + "\" (written by smbench replay --op-log)");
        }
        Map<String, List<Row>> byClient = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            Row row = parse(csv, i + 1, lines.get(i));
            byClient.computeIfAbsent(row.client(), k -> new ArrayList<>()).add(row);
        }
        return new TimingAnalysis(byClient);
    }

    private static Row parse(Path csv, int lineNumber, String line) {
        List<String> fields = splitCsv(line);
        if (fields.size() != 9) {
            throw new ReportFormatException(csv + ": line " + lineNumber + ": " + fields.size()
                    + " fields, expected 9 (" + OperationLog.HEADER + ")");
        }
        try {
            return new Row(fields.get(0), fields.get(1), fields.get(2), number(fields.get(3)), number(fields.get(4)),
                    number(fields.get(5)), number(fields.get(6)), number(fields.get(7)), fields.get(8));
        } catch (NumberFormatException e) {
            throw new ReportFormatException(csv + ": line " + lineNumber + ": a time is not an integer: "
                    + e.getMessage());
        }
    }

    private static long number(String field) {
        return field.isEmpty() ? -1 : Long.parseLong(field);
    }

    static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** Percentile of sorted values by nearest rank; 0 for none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The per-client table and the operations whose latency grew most. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-20s %7s %7s | %-23s | %-23s | %-23s%n", "client", "ops", "run",
                "send drift us p50/p99/max", "captured latency p50/p99", "replayed latency p50/p99"));
        List<Row> growth = new ArrayList<>();
        List<Row> all = new ArrayList<>();
        for (Map.Entry<String, List<Row>> client : byClient.entrySet()) {
            List<Row> ran = client.getValue().stream().filter(Row::ran).toList();
            all.addAll(ran);
            out.append(line(client.getKey(), client.getValue().size(), ran));
            ran.stream().filter(r -> r.capturedLatencyUs() >= 0).forEach(growth::add);
        }
        out.append(line("all clients", byClient.values().stream().mapToInt(List::size).sum(), all));
        if (growth.isEmpty()) {
            out.append("The workload records no captured latency (captured_latency_us): compile it with a current "
                    + "smbench to compare response times.\n");
            return out.toString();
        }
        out.append(String.format(Locale.ROOT, "%nLatency grew most (replayed - captured):%n"));
        growth.stream().sorted(Comparator.comparingLong((Row r) -> r.replayLatencyUs() - r.capturedLatencyUs())
                .reversed()).limit(WORST).forEach(r -> out.append(String.format(Locale.ROOT,
                        "  %-24s %-14s %-12s captured %8d us at %10d us, replayed %8d us at %10d us (%s)%n", r.opId(),
                        r.client(), r.kind(), r.capturedLatencyUs(), r.capturedUs(), r.replayLatencyUs(), r.sentUs(),
                        r.status())));
        return out.toString();
    }

    private static String line(String client, int total, List<Row> ran) {
        long[] drift = ran.stream().mapToLong(r -> r.sentUs() - r.scheduledUs()).sorted().toArray();
        long[] captured = ran.stream().filter(r -> r.capturedLatencyUs() >= 0).mapToLong(Row::capturedLatencyUs)
                .sorted().toArray();
        long[] replayed = ran.stream().mapToLong(Row::replayLatencyUs).sorted().toArray();
        String capturedText = captured.length == 0 ? "-"
                : percentile(captured, 50) + " / " + percentile(captured, 99);
        return String.format(Locale.ROOT, "%-20s %7d %7d | %-23s | %-23s | %-23s%n", client, total, ran.size(),
                percentile(drift, 50) + " / " + percentile(drift, 99) + " / "
                        + (drift.length == 0 ? 0 : drift[drift.length - 1]),
                capturedText, percentile(replayed, 50) + " / " + percentile(replayed, 99));
    }

    /** Client ids in log order (for tests). */
    List<String> clients() {
        return List.copyOf(byClient.keySet());
    }

    List<Row> rows(String client) {
        return byClient.getOrDefault(client, List.of());
    }

}
