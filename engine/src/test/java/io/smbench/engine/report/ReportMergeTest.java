package io.smbench.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smbench.engine.backend.NullBackend;
import io.smbench.engine.sched.ReplayOptions;
import io.smbench.engine.sched.ReplayPlan;
import io.smbench.engine.sched.ReplayResult;
import io.smbench.engine.sched.ReplayRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharding and merging claim nothing about a server, so the null backend drives them: N shards of
 * a workload, merged, must equal one run of the whole workload.
 */
class ReportMergeTest {
    private static final ReplayPlan PLAN = ReplayPlan.load(Path.of("..", "examples", "load-mix-100.json"));
    private static final ReplayOptions FAST = new ReplayOptions(1, true, 0, "backoff", Duration.ofMillis(1),
            Duration.ofSeconds(5));

    @TempDir
    Path dir;

    private Path run(ReplayPlan plan, String name) throws Exception {
        ReplayResult result = new ReplayRunner(plan, new NullBackend(), FAST).run();
        Path file = dir.resolve(name);
        ReportJson.write(ReportJson.build(result, Map.of(), List.of(), List.of()), file);
        return file;
    }

    @Test
    void shouldMergeShardsIntoTheTotalsOfOneRun() throws Exception {
        JsonNode whole = new ObjectMapper().readTree(run(PLAN, "whole.json").toFile());
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            shards.add(run(PLAN.shard(i, 3), "shard" + i + ".json"));
        }
        assertThat(PLAN.shard(1, 3).clientCount() + PLAN.shard(2, 3).clientCount() + PLAN.shard(3, 3).clientCount())
                .isEqualTo(PLAN.clientCount());
        ObjectNode merged = ReportMerger.merge(shards);
        assertThat(merged.get("operations").get("total").asLong()).isEqualTo(whole.get("operations").get("total").asLong());
        assertThat(merged.get("operations").get("completed").asLong()).isEqualTo(3239);
        whole.get("by_kind").fields().forEachRemaining(kind -> {
            JsonNode m = merged.get("by_kind").get(kind.getKey());
            assertThat(m.get("count").asLong()).as(kind.getKey()).isEqualTo(kind.getValue().get("count").asLong());
            assertThat(m.get("bytes").asLong()).isEqualTo(kind.getValue().get("bytes").asLong());
            assertThat(m.get("statuses").toString()).isEqualTo(kind.getValue().get("statuses").toString());
            assertThat(m.get("latency_us").get("count").asLong())
                    .isEqualTo(kind.getValue().get("latency_us").get("count").asLong());
        });
        assertThat(merged.get("lateness_us").get("count").asLong()).isEqualTo(whole.get("lateness_us").get("count").asLong());
    }

    @Test
    void shouldFlagAP99RegressionAndNothingOnIdenticalReports() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(run(PLAN, "a.json").toFile());
        ReportComparison gate = new ReportComparison(20, 0);
        assertThat(gate.compare(a, a).regressions()).isEmpty();
        ObjectNode b = a.deepCopy();
        ObjectNode read = (ObjectNode) b.get("by_kind").get("Read");
        ((ObjectNode) read.get("latency_us")).put("p99", Math.max(1, a.get("by_kind").get("Read").get("latency_us")
                .get("p99").asLong()) * 2);
        read.put("errors", 3);
        ((ObjectNode) read.get("statuses")).put("STATUS_ACCESS_DENIED", 3);
        ReportComparison.Result result = gate.compare(a, b);
        assertThat(result.regressions()).hasSize(2).anySatisfy(line -> assertThat(line).startsWith("Read: p99"))
                .anySatisfy(line -> assertThat(line).isEqualTo("Read: errors 0 -> 3"));
        assertThat(result.table()).contains("Read STATUS_ACCESS_DENIED: 0 -> 3");
    }
}
