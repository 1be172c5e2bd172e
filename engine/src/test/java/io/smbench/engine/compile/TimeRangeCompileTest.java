package io.smbench.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smbench.engine.ir.WorkloadValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compile --time-range}: the window's operations, plus the handles held across its start. */
class TimeRangeCompileTest {
    private static final Path CAPTURE = CaptureReaderTest.CAPTURES.resolve("zeek-smb2.pcap");

    @TempDir
    Path dir;

    @Test
    void shouldParseOpenEndedAndDecimalRanges() {
        assertThat(TimeWindow.parse("5..12.5")).isEqualTo(new TimeWindow(5_000_000, 12_500_000));
        assertThat(TimeWindow.parse("5..")).isEqualTo(new TimeWindow(5_000_000, Long.MAX_VALUE));
        assertThat(TimeWindow.parse("..0.000001")).isEqualTo(new TimeWindow(0, 1));
        assertThat(TimeWindow.parse("..")).isEqualTo(TimeWindow.ALL);
    }

    @Test
    void shouldRejectMalformedRangesNamingTheSide() {
        assertThatThrownBy(() -> TimeWindow.parse("5-12")).hasMessageContaining("FROM..TO");
        assertThatThrownBy(() -> TimeWindow.parse("abc..3")).hasMessageContaining("FROM 'abc'");
        assertThatThrownBy(() -> TimeWindow.parse("1..x")).hasMessageContaining("TO 'x'");
        assertThatThrownBy(() -> TimeWindow.parse("-1..3")).hasMessageContaining("FROM is negative");
        assertThatThrownBy(() -> TimeWindow.parse("4..3")).hasMessageContaining("TO is before FROM");
    }

    @Test
    void shouldKeepTheWindowAndReopenHandlesHeldAcrossItsStart() throws IOException {
        List<JsonNode> all = operations(compile(TimeWindow.ALL, "all.json"));
        // From just after the big file's Open to just before its last write: the Open is outside.
        long from = timestampOf(all, "Write", 0);
        long to = timestampOf(all, "Write", 5);
        TimeWindow window = new TimeWindow(from, to);
        CompileSummary summary = new CaptureCompiler(options(window)).compile(CAPTURE, dir.resolve("window.json"));
        List<JsonNode> kept = operations(dir.resolve("window.json"));

        // What should be there, computed from the whole compile independently of WindowFilter.
        Map<String, JsonNode> heldAtStart = new LinkedHashMap<>();
        List<JsonNode> inWindow = new ArrayList<>();
        for (JsonNode op : all) {
            long t = op.get("timestamp_us").asLong();
            if (t < from) {
                if (op.get("operation").asText().equals("Open")
                        && op.get("expected_status").asText().equals("STATUS_SUCCESS")) {
                    heldAtStart.put(op.get("handle_ref").asText(), op);
                } else if (op.get("operation").asText().equals("Close")) {
                    heldAtStart.remove(op.get("handle_ref").asText());
                }
            } else if (t <= to) {
                inWindow.add(op);
            }
        }
        assertThat(heldAtStart).as("the capture has handles held across the window's start").isNotEmpty();
        assertThat(inWindow).hasSize(6);
        assertThat(kept).hasSize(heldAtStart.size() + inWindow.size());
        assertThat(summary.openedBeforeWindow()).isEqualTo(heldAtStart.size());
        assertThat(summary.operations()).isEqualTo(kept.size());
        assertThat(summary.format()).contains("opened before the window");

        for (int i = 0; i < heldAtStart.size(); i++) {
            JsonNode reopen = kept.get(i);
            JsonNode original = heldAtStart.get(reopen.get("handle_ref").asText());
            assertThat(original).as("re-open of a handle held at the start: %s", reopen).isNotNull();
            assertThat(reopen.get("op_id")).isEqualTo(original.get("op_id"));
            assertThat(reopen.get("path")).isEqualTo(original.get("path"));
            assertThat(reopen.get("timestamp_us").asLong()).isZero();
            assertThat(reopen.get("x_opened_before_window").asBoolean()).isTrue();
            assertThat(reopen.at("/extensions/create_disposition").asText()).isEqualTo("Open");
            assertThat(reopen.at("/extensions/x_captured_create_disposition").asText())
                    .isEqualTo(original.at("/extensions/create_disposition").asText());
        }
        for (int i = 0; i < inWindow.size(); i++) {
            JsonNode op = kept.get(heldAtStart.size() + i);
            JsonNode original = inWindow.get(i);
            assertThat(op.get("op_id")).isEqualTo(original.get("op_id"));
            assertThat(op.get("timestamp_us").asLong()).isEqualTo(original.get("timestamp_us").asLong() - from);
            assertThat(op.has("x_opened_before_window")).isFalse();
        }
        assertThat(kept.get(heldAtStart.size()).get("timestamp_us").asLong()).isZero();
        assertThat(WorkloadValidator.validate(dir.resolve("window.json")).errors()).isEmpty();
    }

    @Test
    void shouldLeaveOutEverythingAfterTheEndAndKeepTimestampsWhenFromIsZero() throws IOException {
        List<JsonNode> all = operations(compile(TimeWindow.ALL, "all.json"));
        long to = timestampOf(all, "Write", 0) - 1;
        List<JsonNode> kept = operations(compile(new TimeWindow(0, to), "head.json"));
        List<JsonNode> expected = all.stream().filter(op -> op.get("timestamp_us").asLong() <= to).toList();
        assertThat(kept).isEqualTo(expected);
        assertThat(kept).hasSizeLessThan(all.size());
    }

    private Path compile(TimeWindow window, String name) throws IOException {
        Path out = dir.resolve(name);
        new CaptureCompiler(options(window)).compile(CAPTURE, out);
        return out;
    }

    private static CaptureCompiler.Options options(TimeWindow window) {
        return CaptureCompiler.Options.defaults().withWindow(window);
    }

    /** The timestamp of the {@code index}-th operation of this kind, in file order. */
    private static long timestampOf(List<JsonNode> ops, String kind, int index) {
        return ops.stream().filter(op -> op.get("operation").asText().equals(kind)).skip(index).findFirst()
                .orElseThrow().get("timestamp_us").asLong();
    }

    static List<JsonNode> operations(Path workload) throws IOException {
        List<JsonNode> ops = new ArrayList<>();
        new ObjectMapper().readTree(workload.toFile()).get("operations").forEach(ops::add);
        return ops;
    }
}
