package io.smbench.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smbench.engine.ir.OperationKind;
import io.smbench.engine.report.ReportJson;
import io.smbench.engine.sched.ReplayOptions;
import io.smbench.engine.sched.ReplayPlan;
import io.smbench.engine.sched.ReplayResult;
import io.smbench.engine.sched.ReplayRunner;
import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays with several clients per TCP connection ({@link SmbBackend#clientsPerConnection}) against
 * the Samba fixture: the same results as a connection each, with clients/N connections (counted by
 * the backend and by the kernel's socket table), breaks reported for the client that held the open,
 * and a cut shared connection reopened once for all its clients.
 */
@SambaTest
class SharedConnectionReplayTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private record Run(ReplayResult result, ObjectNode report, SmbBackend backend, long socketsWhileOpen) {}

    /** Established TCP connections whose remote port is {@code port}: the client ends, one line each. */
    private static long establishedConnectionsTo(int port) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-H", "-t", "-n", "state", "established", "( dport = :" + port + " )")
                .redirectErrorStream(true).start();
        String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ss.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ss.exitValue()).as(output).isZero();
        return output.lines().filter(line -> !line.isBlank()).count();
    }

    private static Run replay(SambaLab lab, Path workload, ReplayOptions options, int clientsPerConnection,
            Duration cutAfter) throws Exception {
        try (SmbClient client = new SmbClient(0);
                SmbBackend backend = new SmbBackend(client, lab.host(), lab.port(), "open", ClientConfig.defaults(),
                        new NtlmCredentials(lab.user(), lab.domain(), lab.password()), workload.getParent())) {
            backend.clientsPerConnection(clientsPerConnection);
            long[] sockets = {-1};
            AfterOpenBackend counting = new AfterOpenBackend(backend, open -> {
                sockets[0] = establishedConnectionsTo(lab.port());
                if (cutAfter != null) {
                    AfterOpenBackend.cutFirstConnectionAfter(cutAfter.toMillis()).run(open);
                }
            });
            ReplayResult result = new ReplayRunner(ReplayPlan.load(workload), counting, options).run();
            ObjectNode report = ReportJson.build(result, Map.of(), backend.violations(), backend.breaks(),
                    backend.reconnects());
            return new Run(result, report, backend, sockets[0]);
        }
    }

    private static void assertClean(Run run) {
        ObjectNode checks = (ObjectNode) run.report().get("checks");
        assertThat(run.result().completedOperations()).isEqualTo(run.result().totalOperations());
        assertThat(checks.get("order_violations").asLong()).isZero();
        assertThat(checks.get("expected_status_mismatches")).as(checks.toString()).isEmpty();
        assertThat(checks.get("leaked_handles")).isEmpty();
        assertThat(checks.get("unanswered")).isEmpty();
        assertThat(checks.get("invariant_violations")).isEmpty();
        assertThat(run.report().get("operations").get("errors").asLong()).as(run.report().toString()).isZero();
    }

    @Test
    void shouldReplayHundredClientsOverTenConnections(SambaLab lab) throws Exception {
        ReplayOptions fast = new ReplayOptions(1, true, 64, "backoff", Duration.ofMillis(1), Duration.ofSeconds(30));
        Run run = replay(lab, EXAMPLES.resolve("load-mix-100.json"), fast, 10, null);
        assertClean(run);
        assertThat(run.result().totalOperations()).isEqualTo(3239);
        assertThat(run.result().statusMismatches()).isEmpty();
        assertThat(run.backend().connectionCount()).isEqualTo(10);
        assertThat(run.backend().connectionsOpened()).isEqualTo(10);
        assertThat(run.socketsWhileOpen()).as("TCP connections to the server once every client logged on")
                .isEqualTo(10);
        assertThat(run.backend().reconnects()).isEmpty();
        try (var left = Files.list(lab.shareDir("open"))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("u")).toList())
                    .as("every client removed its folder").isEmpty();
        }
    }

    @Test
    void shouldReportTheBreakForTheClientThatHeldTheOplockOnASharedConnection(SambaLab lab) throws Exception {
        Files.createDirectories(lab.shareDir("open").resolve("shared"));
        lab.shareDir("open").resolve("shared").toFile().setWritable(true, false);
        Run run = replay(lab, EXAMPLES.resolve("oplock-break.json"), ReplayOptions.defaults(), 2, null);
        assertClean(run);
        assertThat(run.backend().connectionCount()).isEqualTo(1);
        assertThat(run.socketsWhileOpen()).isEqualTo(1);
        // Both clients' breaks arrive on the one connection; each is reported for the client whose
        // session holds the open: A's Batch break first, then B's Level II (granted after A's
        // acknowledgment) broken to None by A's later write.
        List<String> breaks = run.backend().breaks();
        assertThat(breaks.get(0)).startsWith("clientA: oplock break on shared\\report.dat Batch -> LevelII")
                .endsWith("acknowledged immediately");
        assertThat(breaks).anySatisfy(line -> assertThat(line)
                .startsWith("clientB: oplock break on shared\\report.dat LevelII -> None"));
        assertThat(breaks).allSatisfy(line -> assertThat(line).doesNotContain("(session 0x"));
        // B's CREATE waits on the same connection for A's acknowledgment, which must not queue behind it.
        assertThat(run.result().metrics().kind(OperationKind.Open).latency().getMaxValue()).isLessThan(2_000_000);
    }

    @Test
    void shouldReopenACutSharedConnectionOnceAndReconnectEveryClientOnIt(SambaLab lab, @TempDir Path dir)
            throws Exception {
        Path workload = dir.resolve("durable-pair.json");
        StringBuilder json = new StringBuilder("""
                {"version":1,"metadata":{},"clients":[{"client_id":"d","operation_count":5},{"client_id":"e","operation_count":5}],"operations":[
                """);
        for (String c : new String[] {"d", "e"}) {
            json.append("""
                    {"op_id":"%1$s1","client_id":"%1$s","timestamp_us":0,"operation":"Open","path":"/cut-%1$s.dat","mode":"ReadWrite","handle_ref":"f","extensions":{"create_disposition":"OverwriteIf","lease":{"state":"RWH","version":2},"durable":{"version":"v2","timeout_ms":60000}},"expected_status":"STATUS_SUCCESS"},
                    {"op_id":"%1$s2","client_id":"%1$s","timestamp_us":10000,"operation":"Write","handle_ref":"f","offset":0,"length":4096,"expected_status":"STATUS_SUCCESS"},
                    {"op_id":"%1$s3","client_id":"%1$s","timestamp_us":1000000,"operation":"Read","handle_ref":"f","offset":0,"length":4096,"expected_status":"STATUS_SUCCESS"},
                    {"op_id":"%1$s4","client_id":"%1$s","timestamp_us":1050000,"operation":"Close","handle_ref":"f","expected_status":"STATUS_SUCCESS"},
                    {"op_id":"%1$s5","client_id":"%1$s","timestamp_us":1100000,"operation":"Delete","path":"/cut-%1$s.dat","expected_status":"STATUS_SUCCESS"}%2$s
                    """.formatted(c, c.equals("d") ? "," : ""));
        }
        Files.writeString(workload, json.append("]}").toString());
        // Cut between the writes (10 ms) and the reads (1 s), with both handles open and idle.
        Run run = replay(lab, workload, ReplayOptions.defaults(), 2, Duration.ofMillis(400));
        assertThat(run.result().statusMismatches()).as(run.backend().reconnects().toString()).isEmpty();
        assertThat(run.result().metrics().kind(OperationKind.Read).bytes()).isEqualTo(2 * 4096);
        assertThat(run.backend().reconnects()).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("connection lost").contains("1 of 1 handles reclaimed (reclaimed f)"));
        assertThat(run.backend().reconnects()).anySatisfy(line -> assertThat(line).startsWith("d: "))
                .anySatisfy(line -> assertThat(line).startsWith("e: "));
        assertThat(run.backend().connectionsOpened()).as("the first connection and one reopened for both clients")
                .isEqualTo(2);
        assertThat(lab.shareDir("open").resolve("cut-d.dat")).doesNotExist();
        assertThat(lab.shareDir("open").resolve("cut-e.dat")).doesNotExist();
    }
}
