package io.smbench.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smbench.engine.backend.NullBackend;
import io.smbench.engine.metrics.OperationLog;
import io.smbench.engine.sched.ReplayOptions;
import io.smbench.engine.sched.ReplayPlan;
import io.smbench.engine.sched.ReplayRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operation log of a replay and the capture-against-replay timing analysis read from it. */
class TimingAnalysisTest {
    @TempDir
    Path dir;

    private Path replayWithLog(Path workload, double timeScale) throws Exception {
        ReplayRunner runner = new ReplayRunner(ReplayPlan.load(workload), new NullBackend(),
                new ReplayOptions(timeScale, false, 0, "backoff", java.time.Duration.ofMillis(1),
                        java.time.Duration.ofSeconds(5)));
        runner.recordOperations(true);
        runner.run();
        Path csv = dir.resolve("ops.csv");
        runner.operationLog().write(csv);
        return csv;
    }

    @Test
    void shouldLogEveryOperationOfAReplayOnItsSchedule() throws Exception {
        Path csv = replayWithLog(Path.of("..", "examples", "quickstart.json"), 1.0);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(OperationLog.HEADER);
        TimingAnalysis analysis = TimingAnalysis.read(csv);
        List<TimingAnalysis.Row> rows = analysis.clients().stream().flatMap(c -> analysis.rows(c).stream()).toList();
        assertThat(rows).hasSize(lines.size() - 1).isNotEmpty().allSatisfy(row -> {
            assertThat(row.ran()).isTrue();
            assertThat(row.scheduledUs()).as("time scale 1: scheduled at the captured time").isEqualTo(row.capturedUs());
            assertThat(row.sentUs()).isGreaterThanOrEqualTo(row.scheduledUs());
            assertThat(row.completedUs()).isGreaterThanOrEqualTo(row.sentUs());
            assertThat(row.status()).isEqualTo("STATUS_SUCCESS");
        });
        assertThat(analysis.format()).contains(analysis.clients().get(0)).contains("all clients")
                .contains("no captured latency");
    }

    @Test
    void shouldListTheOperationsWhoseLatencyGrewMost() throws Exception {
        Path workload = dir.resolve("captured.json");
        Files.writeString(workload, """
                {"version":1,"metadata":{},"clients":[{"client_id":"c,1","operation_count":3}],"operations":[
                 {"op_id":"a","client_id":"c,1","timestamp_us":0,"operation":"Mkdir","path":"/x","captured_latency_us":50},
                 {"op_id":"b","client_id":"c,1","timestamp_us":2000,"operation":"Rmdir","path":"/x","captured_latency_us":0},
                 {"op_id":"c","client_id":"c,1","timestamp_us":4000,"operation":"Mkdir","path":"/y","captured_latency_us":9000000}]}
                """);
        Path csv = replayWithLog(workload, 0.5);
        TimingAnalysis analysis = TimingAnalysis.read(csv);
        assertThat(analysis.clients()).containsExactly("c,1");
        assertThat(analysis.rows("c,1")).extracting(TimingAnalysis.Row::scheduledUs).containsExactly(0L, 1000L, 2000L);
        String text = analysis.format();
        int b = text.indexOf("  b ");
        int a = text.indexOf("  a ");
        int c = text.indexOf("  c ");
        assertThat(b).as(text).isPositive();
        assertThat(a).as("a's latency grew by 50 us less than b's").isGreaterThan(b);
        assertThat(c).as("c was slower in the capture: listed last").isGreaterThan(a);
    }

    @Test
    void shouldNameTheLineOfABrokenLog() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, OperationLog.HEADER + "\nc,op1,Read,0,,0,5,9,STATUS_SUCCESS\nc,op2,Read,x,,0,5,9,S\n");
        assertThatThrownBy(() -> TimingAnalysis.read(csv)).isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("not an integer");
        Files.writeString(csv, "op_id,when\n");
        assertThatThrownBy(() -> TimingAnalysis.read(csv)).hasMessageContaining("line 1: expected the operation log header");
        assertThatThrownBy(() -> TimingAnalysis.read(dir.resolve("missing.csv"))).isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("missing.csv");
        assertThat(TimingAnalysis.splitCsv("\"a,\"\"b\"\"\",c,")).containsExactly("a,\"b\"", "c", "");
    }
}
