package io.smbench.fuzz.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's findings as JSON (format version 1): the target (never the password), the run seed,
 * counts of outcomes, statuses and sequences, and each finding with its case seed, mutations and
 * the mutated request in hex, as sent and canonical. A replayed case is written under
 * {@code "replayed"} whatever its outcome.
 */
public final class FindingsFile {
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FindingsFile() {}

    public static void write(Path file, FuzzTarget target, FuzzReport report, CaseResult replayed) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("findings_version", VERSION);
        ObjectNode run = root.putObject("run");
        run.put("server", target.host() + ":" + target.port());
        run.put("share", target.share());
        run.put("user", target.credentials().user());
        run.put("dialects", target.config().dialects().stream().map(d -> d.version()).toList().toString());
        run.put("signing_required", target.config().requireSigning());
        run.put("encryption_required", target.config().requireEncryption());
        run.put("hang_timeout_ms", target.hangTimeout().toMillis());
        run.put("written_at", Instant.now().toString());
        if (report != null) {
            run.put("seed", CaseResult.seedText(report.runSeed()));
            run.put("cases", report.cases());
            run.put("duration_ms", report.millis());
            run.put("stopped_because", report.stoppedBecause());
            ObjectNode outcomes = root.putObject("outcomes");
            report.outcomes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> outcomes.put(e.getKey().label(), e.getValue()));
            ObjectNode statuses = root.putObject("statuses");
            report.statuses().forEach(statuses::put);
            ObjectNode sequences = root.putObject("sequences");
            report.sequences().forEach(sequences::put);
            ArrayNode findings = root.putArray("findings");
            report.findings().forEach(finding -> findings.add(toJson(finding)));
        }
        if (replayed != null) {
            root.set("replayed", toJson(replayed));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), root);
    }

    static ObjectNode toJson(CaseResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("case_seed", result.seedText());
        node.put("outcome", result.outcome().label());
        node.put("sequence", result.sequence());
        node.put("step", result.step());
        ArrayNode statuses = node.putArray("statuses");
        result.statuses().forEach(statuses::add);
        if (result.detail() != null) {
            node.put("detail", result.detail());
        }
        ArrayNode mutations = node.putArray("mutations");
        for (Mutation mutation : result.mutations()) {
            ObjectNode m = mutations.addObject();
            m.put("target", mutation.target());
            m.put("offset", mutation.offset());
            m.put("width", mutation.width());
            m.put("op", mutation.op().name().toLowerCase(java.util.Locale.ROOT));
            m.put("value", String.format("0x%X", mutation.value()));
            m.put("before", String.format("0x%X", mutation.before()));
        }
        node.put("request_hex", result.requestHex());
        node.put("canonical_hex", result.canonicalHex());
        node.put("millis", result.millis());
        return node;
    }

    /** The finding seeds of a findings file, for scripts and tests. */
    public static List<String> caseSeeds(Path file) throws IOException {
        return JSON.readTree(file.toFile()).path("findings").findValuesAsText("case_seed");
    }
}
