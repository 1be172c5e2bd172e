package io.smbench.benchmarks.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate over real JMH JSON written by {@code java -jar benchmarks.jar ... -rf json} (test resources under
 * {@code jmh/}): {@code one-iteration-no-error.json} (SigningBenchmark.sign AES_CMAC/1024 in ops/s and
 * HeaderCodecBenchmark.writeRequestHeader in ns/op, one iteration each so JMH wrote "NaN" errors),
 * {@code three-iterations.json} (the same two with error bars) and {@code single-shot.json}
 * (IrValidateBenchmark, operations=10000, ss). Regressed runs are those files with scores changed.
 */
class BaselineGateTest {
    private static final String SIGN = "io.smbench.benchmarks.crypto.SigningBenchmark.sign";
    private static final String HEADER = "io.smbench.benchmarks.codec.HeaderCodecBenchmark.writeRequestHeader";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(BaselineGateTest.class.getResource("/jmh/" + name).toURI());
    }

    private int gate(Path baseline, Path current, String... more) {
        String[] args = new String[2 + more.length];
        args[0] = baseline.toString();
        args[1] = current.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        return BaselineGate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Copies a sample with one benchmark's score multiplied by {@code factor} (and its error replaced if given). */
    private Path changed(String sample, String benchmark, double factor, Double error) throws Exception {
        ArrayNode root = (ArrayNode) JSON.readTree(sample(sample).toFile());
        for (JsonNode node : root) {
            if (node.get("benchmark").asText().equals(benchmark)) {
                ObjectNode metric = (ObjectNode) node.get("primaryMetric");
                metric.put("score", metric.get("score").asDouble() * factor);
                if (error != null) {
                    metric.put("scoreError", error);
                }
            }
        }
        Path file = Files.createTempFile(dir, "current-", ".json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    @Test
    void shouldReadBenchmarkModeParamsScoreErrorAndUnitFromJmhJson() throws Exception {
        List<JmhResult> results = JmhResult.read(sample("three-iterations.json"));

        assertThat(results).hasSize(2);
        JmhResult sign = results.get(0);
        assertThat(sign.benchmark()).isEqualTo(SIGN);
        assertThat(sign.mode()).isEqualTo("thrpt");
        assertThat(sign.higherIsBetter()).isTrue();
        assertThat(sign.params()).isEqualTo(Map.of("algorithm", "AES_CMAC", "size", "1024"));
        assertThat(sign.unit()).isEqualTo("ops/s");
        assertThat(sign.score()).isEqualTo(99228.35892018287);
        assertThat(sign.error()).isEqualTo(319089.5039644722);
        assertThat(sign.label()).isEqualTo("SigningBenchmark.sign algorithm=AES_CMAC size=1024");
        JmhResult header = results.get(1);
        assertThat(header.mode()).isEqualTo("avgt");
        assertThat(header.higherIsBetter()).isFalse();
        assertThat(header.params()).isEmpty();
        assertThat(header.unit()).isEqualTo("ns/op");
    }

    @Test
    void shouldTakeJmhsNanErrorOfOneIterationAsNoErrorBar() throws Exception {
        assertThat(JmhResult.read(sample("one-iteration-no-error.json"))).extracting(JmhResult::error)
                .containsExactly(0.0, 0.0);
    }

    @Test
    void shouldPassARunComparedWithItself() throws Exception {
        assertThat(gate(sample("three-iterations.json"), sample("three-iterations.json"))).isEqualTo(BaselineGate.OK);
        assertThat(printed()).contains("SigningBenchmark.sign algorithm=AES_CMAC size=1024", "+0.0%", "same",
                "2 benchmark(s) compared, 0 regression(s) beyond 10% and the error margins");
    }

    @Test
    void shouldFailWhenThroughputDropsBeyondTheThreshold() throws Exception {
        Path current = changed("one-iteration-no-error.json", SIGN, 0.8, null);

        assertThat(gate(sample("one-iteration-no-error.json"), current, "--max-regression", "10"))
                .isEqualTo(BaselineGate.REGRESSION);
        assertThat(printed()).contains("-20.0%", "regression", "1 regression(s)");
    }

    @Test
    void shouldPassAThroughputDropBelowTheThreshold() throws Exception {
        Path current = changed("one-iteration-no-error.json", SIGN, 0.95, null);

        assertThat(gate(sample("one-iteration-no-error.json"), current, "--max-regression", "10"))
                .isEqualTo(BaselineGate.OK);
        assertThat(printed()).contains("-5.0%", "worse within noise");
    }

    @Test
    void shouldFailWhenAverageTimeRisesAndPassWhenItFalls() throws Exception {
        Path slower = changed("one-iteration-no-error.json", HEADER, 1.25, null);
        assertThat(gate(sample("one-iteration-no-error.json"), slower)).isEqualTo(BaselineGate.REGRESSION);
        assertThat(printed()).contains("+25.0%");

        Path faster = changed("one-iteration-no-error.json", HEADER, 0.5, null);
        assertThat(gate(sample("one-iteration-no-error.json"), faster)).isEqualTo(BaselineGate.OK);
        assertThat(printed()).contains("-50.0%", "better");
    }

    @Test
    void shouldNotFailAChangeInsideTheCombinedErrorMargins() throws Exception {
        // three-iterations.json: 99,228 ± 319,090 ops/s; half the throughput is still inside the error bars
        Path current = changed("three-iterations.json", SIGN, 0.5, null);

        assertThat(gate(sample("three-iterations.json"), current)).isEqualTo(BaselineGate.OK);
        assertThat(printed()).contains("-50.0%", "worse within noise");
    }

    @Test
    void shouldFailASingleShotThatTakesLongerBeyondItsErrorBars() throws Exception {
        String ir = "io.smbench.benchmarks.IrValidateBenchmark.validate";
        Path baseline = changed("single-shot.json", ir, 1.0, 1.0);
        Path current = changed("single-shot.json", ir, 1.5, 1.0);

        assertThat(gate(baseline, current, "--max-regression", "20")).isEqualTo(BaselineGate.REGRESSION);
        assertThat(printed()).contains("IrValidateBenchmark.validate operations=10000", "ss", "ms/op", "+50.0%");
    }

    @Test
    void shouldListMissingAndNewBenchmarksWithoutFailing() throws Exception {
        assertThat(gate(sample("three-iterations.json"), sample("single-shot.json"))).isEqualTo(BaselineGate.OK);
        assertThat(printed()).contains("missing", "new", "0 benchmark(s) compared");
    }

    @Test
    void shouldRejectUnreadableInputWithStatusTwo() throws Exception {
        Path notJson = Files.writeString(dir.resolve("not.json"), "# Run complete. Total time: 00:00:05");
        Path object = Files.writeString(dir.resolve("object.json"), "{\"benchmark\": \"x\"}");
        Path noMetric = Files.writeString(dir.resolve("nometric.json"), "[{\"benchmark\": \"x\", \"mode\": \"avgt\"}]");
        Path good = sample("three-iterations.json");

        assertThat(gate(dir.resolve("absent.json"), good)).isEqualTo(BaselineGate.BAD_INPUT);
        assertThat(gate(good, notJson)).isEqualTo(BaselineGate.BAD_INPUT);
        assertThat(gate(object, good)).isEqualTo(BaselineGate.BAD_INPUT);
        assertThat(gate(good, noMetric)).isEqualTo(BaselineGate.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("absent.json", "not a JMH result file",
                "missing scoreUnit");
    }

    @Test
    void shouldRejectBadArgumentsAndAChangedUnitWithStatusTwo() throws Exception {
        Path good = sample("three-iterations.json");
        ArrayNode root = (ArrayNode) JSON.readTree(good.toFile());
        ((ObjectNode) root.get(1).get("primaryMetric")).put("scoreUnit", "us/op");
        Path micros = dir.resolve("micros.json");
        JSON.writeValue(micros.toFile(), root);

        assertThat(gate(good, micros)).isEqualTo(BaselineGate.BAD_INPUT);
        assertThat(printed()).contains("unit changed");
        assertThat(BaselineGate.run(new String[] {good.toString()}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(BaselineGate.BAD_INPUT);
        assertThat(gate(good, good, "--max-regression", "-3")).isEqualTo(BaselineGate.BAD_INPUT);
        assertThat(gate(good, good, "--bogus")).isEqualTo(BaselineGate.BAD_INPUT);
    }
}
