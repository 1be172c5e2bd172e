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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The examples replayed with smbench's SMB client against the Samba fixture, checked through the report. */
@SambaTest
class ReplayEndToEndTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private record Run(ReplayResult result, ObjectNode report, SmbBackend backend) {}

    private static Run replay(SambaLab lab, String example, ReplayOptions options, Duration stopAfter) throws Exception {
        Path workload = EXAMPLES.resolve(example);
        try (SmbClient client = new SmbClient(0);
                SmbBackend backend = new SmbBackend(client, lab.host(), lab.port(), "open", ClientConfig.defaults(),
                        new NtlmCredentials(lab.user(), lab.domain(), lab.password()), workload.getParent())) {
            ReplayRunner runner = new ReplayRunner(ReplayPlan.load(workload), backend, options);
            if (stopAfter != null) {
                CompletableFuture.delayedExecutor(stopAfter.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .execute(() -> runner.requestStop("interrupted (test)"));
            }
            ReplayResult result = runner.run();
            return new Run(result, ReportJson.build(result, Map.of("workload", example), backend.violations(),
                    backend.breaks()), backend);
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
    void shouldReplayQuickstartOnTimeAndLeaveTheShareClean(SambaLab lab) throws Exception {
        Run run = replay(lab, "quickstart.json", ReplayOptions.defaults(), null);
        assertClean(run);
        assertThat(run.report().get("by_kind").get("Write").get("bytes").asLong()).isEqualTo(4096);
        assertThat(run.report().get("by_kind").get("Read").get("bytes").asLong()).isEqualTo(4096);
        assertThat(run.result().elapsedNanos()).as("the last op is scheduled at 90 ms").isGreaterThan(90_000_000L);
        assertThat(run.report().get("by_kind").get("Open").get("latency_from_scheduled_us").get("count").asLong())
                .isEqualTo(1);
        assertThat(lab.shareDir("open").resolve("quickstart")).doesNotExist();
    }

    @Test
    void shouldShowTheOplockBreakOnTheFirstClientsTimeline(SambaLab lab) throws Exception {
        Files.createDirectories(lab.shareDir("open").resolve("shared"));
        lab.shareDir("open").resolve("shared").toFile().setWritable(true, false);
        Run run = replay(lab, "oplock-break.json", ReplayOptions.defaults(), null);
        assertClean(run);
        assertThat(run.backend().breaks()).anySatisfy(line -> assertThat(line)
                .startsWith("clientA: oplock break on shared\\report.dat Batch -> LevelII")
                .endsWith("acknowledged immediately"));
        // Acknowledged at once, B's open does not wait out Samba's break timeout (about 35 s).
        assertThat(run.result().metrics().kind(OperationKind.Open).latency().getMaxValue()).isLessThan(2_000_000);
        // What each open asked for and got (MS-SMB2 2.2.14 OplockLevel): A's batch, B's open after the break.
        assertThat(run.backend().grants()).containsKey("Batch -> Batch");
        assertThat(run.backend().grants().keySet()).anyMatch(grant -> grant.endsWith("-> LevelII"));
        ObjectNode withGrants = ReportJson.build(run.result(), Map.of(), run.backend().violations(),
                run.backend().breaks(), run.backend().reconnects(), run.backend().grants());
        assertThat(withGrants.get("grants").get("Batch -> Batch").asLong()).isPositive();
        // The break is on clientA's timeline in the report, with the operations around it.
        assertThat(run.report().get("timeline").get("incidents")).anySatisfy(incident -> {
            assertThat(incident.get("client").asText()).isEqualTo("clientA");
            assertThat(incident.get("cause").asText()).isEqualTo("oplock break");
            assertThat(incident.get("ops")).isNotEmpty();
        });
    }

    @Test
    void shouldReplayHundredClientsAsFastAsPossible(SambaLab lab) throws Exception {
        ReplayOptions fast = new ReplayOptions(1, true, 64, "backoff", Duration.ofMillis(1), Duration.ofSeconds(30));
        Run run = replay(lab, "load-mix-100.json", fast, null);
        assertClean(run);
        assertThat(run.result().totalOperations()).isEqualTo(3239);
        assertThat(run.report().get("run").get("backend").asText()).isEqualTo("smb");
        try (var left = Files.list(lab.shareDir("open"))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("u")).toList())
                    .as("every client removed its folder").isEmpty();
        }
    }

    @Test
    void shouldExecuteEveryRemainingOperationKind(SambaLab lab, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path workload = dir.resolve("kinds.json");
        Files.writeString(workload, """
                {"version":1,"metadata":{"source":"test"},"clients":[{"client_id":"k","operation_count":12}],
                 "operations":[
                  {"op_id":"k1","client_id":"k","timestamp_us":0,"operation":"Mkdir","path":"/kinds"},
                  {"op_id":"k2","client_id":"k","timestamp_us":0,"operation":"Open","path":"/kinds/f.dat","mode":"ReadWrite","handle_ref":"f","extensions":{"create_disposition":"Create","lease":{"state":"RWH","version":2},"durable":{"version":"v2","timeout_ms":30000}}},
                  {"op_id":"k3","client_id":"k","timestamp_us":0,"operation":"SetInfo","handle_ref":"f","info_type":"File","info_class":"FileEndOfFileInformation","input":"0010000000000000"},
                  {"op_id":"k4","client_id":"k","timestamp_us":0,"operation":"Fsctl","handle_ref":"f","ctl_code":"0x00140078","max_output":32},
                  {"op_id":"k5","client_id":"k","timestamp_us":0,"operation":"Lock","handle_ref":"f","offset":0,"length":100,"fail_immediately":true},
                  {"op_id":"k6","client_id":"k","timestamp_us":0,"operation":"Unlock","handle_ref":"f","offset":0,"length":100},
                  {"op_id":"k7","client_id":"k","timestamp_us":0,"operation":"Close","handle_ref":"f"},
                  {"op_id":"k8","client_id":"k","timestamp_us":0,"operation":"Open","path":"/kinds","mode":"Read","handle_ref":"d","extensions":{"create_options":["DirectoryFile"]}},
                  {"op_id":"k9","client_id":"k","timestamp_us":0,"operation":"ChangeNotify","handle_ref":"d","completion_filter":["FileName"],"notify_timeout_ms":200,"expected_status":"STATUS_CANCELLED"},
                  {"op_id":"k10","client_id":"k","timestamp_us":0,"operation":"Close","handle_ref":"d"},
                  {"op_id":"k11","client_id":"k","timestamp_us":0,"operation":"QueryDirectory","path":"/kinds","pattern":"*.dat","info_class":"FileNamesInformation","expected_status":"STATUS_SUCCESS"},
                  {"op_id":"k12","client_id":"k","timestamp_us":0,"operation":"QueryDirectory","path":"/kinds","info_class":1,"expected_status":"STATUS_SUCCESS"}]}
                """);
        try (SmbClient client = new SmbClient(1);
                SmbBackend backend = new SmbBackend(client, lab.host(), lab.port(), "open", ClientConfig.defaults(),
                        new NtlmCredentials(lab.user(), lab.domain(), lab.password()), dir)) {
            ReplayResult result = new ReplayRunner(ReplayPlan.load(workload), backend, ReplayOptions.defaults()).run();
            ObjectNode report = ReportJson.build(result, Map.of(), backend.violations(), backend.breaks());
            assertThat(result.statusMismatches()).isEmpty();
            assertThat(result.completedOperations()).isEqualTo(12);
            assertThat(report.get("by_kind").get("QueryDirectory").get("errors").asLong()).as("info classes 12 and 1")
                    .isZero();
            assertThat(report.get("by_kind").get("Fsctl").get("bytes").asLong()).as("a resume key came back")
                    .isGreaterThanOrEqualTo(24);
            assertThat(report.get("by_kind").get("ChangeNotify").get("statuses").has("STATUS_CANCELLED")).isTrue();
            for (String kind : new String[] {"SetInfo", "Lock", "Unlock", "Fsctl"}) {
                assertThat(report.get("by_kind").get(kind).get("errors").asLong()).as(kind).isZero();
            }
        }
        assertThat(Files.size(lab.shareDir("open").resolve("kinds/f.dat"))).as("SetInfo end of file").isEqualTo(4096);
    }

    /**
     * A captured server-side copy (MS-SMB2 3.3.5.15.6): the captured SourceKey is meaningless to
     * another server, so the replay writes its own server's resume key of {@code source_handle_ref}
     * into the copy; the target then holds the source's bytes.
     */
    @Test
    void shouldReplayServerSideCopyWithTheLiveResumeKey(SambaLab lab, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String capturedKey = "ff".repeat(24);
        String chunk = "0000000000000000" + "0000000000000000" + "00200000" + "00000000"; // 8 KiB at 0 -> 0
        Path workload = dir.resolve("copy.json");
        Files.writeString(workload, """
                {"version":1,"metadata":{},"clients":[{"client_id":"c","operation_count":8}],"operations":[
                 {"op_id":"1","client_id":"c","timestamp_us":0,"operation":"Open","path":"/copy-src.bin","mode":"ReadWrite","handle_ref":"src","extensions":{"create_disposition":"OverwriteIf"}},
                 {"op_id":"2","client_id":"c","timestamp_us":1,"operation":"Write","handle_ref":"src","offset":0,"length":8192},
                 {"op_id":"3","client_id":"c","timestamp_us":2,"operation":"Fsctl","handle_ref":"src","ctl_code":"0x00140078","max_output":32},
                 {"op_id":"4","client_id":"c","timestamp_us":3,"operation":"Open","path":"/copy-dst.bin","mode":"ReadWrite","handle_ref":"dst","extensions":{"create_disposition":"OverwriteIf"}},
                 {"op_id":"5","client_id":"c","timestamp_us":4,"operation":"Fsctl","handle_ref":"dst","source_handle_ref":"src","ctl_code":"0x001440F2","input":"%s","max_output":12,"expected_status":"STATUS_SUCCESS"},
                 {"op_id":"6","client_id":"c","timestamp_us":5,"operation":"Read","handle_ref":"dst","offset":0,"length":8192,"expected_status":"STATUS_SUCCESS"},
                 {"op_id":"7","client_id":"c","timestamp_us":6,"operation":"Close","handle_ref":"dst"},
                 {"op_id":"8","client_id":"c","timestamp_us":7,"operation":"Close","handle_ref":"src"}]}
                """.formatted(capturedKey + "01000000" + "00000000" + chunk));
        Run run = replayFile(lab, workload);
        assertThat(run.result().statusMismatches()).isEmpty();
        assertThat(run.report().get("by_kind").get("Read").get("bytes").asLong()).isEqualTo(8192);
        assertThat(Files.readAllBytes(lab.shareDir("open").resolve("copy-dst.bin")))
                .isEqualTo(Files.readAllBytes(lab.shareDir("open").resolve("copy-src.bin")));
    }

    @Test
    void shouldUseTheLatestResumeKeyWithoutSourceHandleRef() {
        var keys = new java.util.HashMap<String, io.smbench.smb.mssmb2.fsctl.ResumeKey>();
        byte[] a = new byte[24];
        a[0] = 1;
        byte[] b = new byte[24];
        b[0] = 2;
        keys.put("a", io.smbench.smb.mssmb2.fsctl.ResumeKey.of(a));
        byte[] input = new byte[32];
        java.util.Arrays.fill(input, (byte) 0x7F);
        byte[] named = SmbBackend.withLiveResumeKey(keys, keys, io.smbench.smb.mssmb2.fsctl.ResumeKey.of(b), "a", input);
        assertThat(named[0]).isEqualTo((byte) 1);
        assertThat(named[24]).as("ChunkCount untouched").isEqualTo((byte) 0x7F);
        assertThat(SmbBackend.withLiveResumeKey(keys, keys, io.smbench.smb.mssmb2.fsctl.ResumeKey.of(b), null, input)[0])
                .isEqualTo((byte) 2);
        assertThat(SmbBackend.withLiveResumeKey(keys, keys, null, null, input)).isSameAs(input);
        assertThat(input[0]).as("the workload's bytes are not changed").isEqualTo((byte) 0x7F);
    }

    @Test
    void shouldProvisionWhatAWorkloadOpensWithoutCreatingThenReplayIt(SambaLab lab,
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path workload = dir.resolve("needs.json");
        Files.writeString(workload, """
                {"version":1,"metadata":{},"clients":[{"client_id":"c","operation_count":3}],"operations":[
                 {"op_id":"1","client_id":"c","timestamp_us":0,"operation":"Open","path":"/prov/in/a.bin","mode":"Read","handle_ref":"h","extensions":{"create_disposition":"Open"},"expected_status":"STATUS_SUCCESS"},
                 {"op_id":"2","client_id":"c","timestamp_us":1,"operation":"Read","handle_ref":"h","offset":4096,"length":8192,"expected_status":"STATUS_SUCCESS"},
                 {"op_id":"3","client_id":"c","timestamp_us":2,"operation":"Close","handle_ref":"h"}]}
                """);
        io.smbench.engine.compile.ProvisionPlan plan = io.smbench.engine.compile.ProvisionPlan.of(workload);
        try (SmbClient client = new SmbClient(1);
                SmbBackend backend = new SmbBackend(client, lab.host(), lab.port(), "open", ClientConfig.defaults(),
                        new NtlmCredentials(lab.user(), lab.domain(), lab.password()), dir)) {
            backend.open(java.util.List.of("provisioner"));
            int[] done = SmbProvisioner.apply(plan, backend.treeOf(0));
            assertThat(done).containsExactly(2, 1);
            backend.finish(0);
        }
        assertThat(Files.size(lab.shareDir("open").resolve("prov/in/a.bin"))).isEqualTo(12_288);
        Run run = replayFile(lab, workload);
        assertThat(run.result().statusMismatches()).isEmpty();
        assertThat(run.report().get("by_kind").get("Read").get("bytes").asLong()).isEqualTo(8192);
    }

    private static Run replayFile(SambaLab lab, Path workload) throws Exception {
        try (SmbClient client = new SmbClient(0);
                SmbBackend backend = new SmbBackend(client, lab.host(), lab.port(), "open", ClientConfig.defaults(),
                        new NtlmCredentials(lab.user(), lab.domain(), lab.password()), workload.getParent())) {
            ReplayResult result = new ReplayRunner(ReplayPlan.load(workload), backend, ReplayOptions.defaults()).run();
            return new Run(result, ReportJson.build(result, Map.of(), backend.violations(), backend.breaks()), backend);
        }
    }

    @Test
    void shouldReconnectAndReclaimADurableHandleWhenTheConnectionIsCut(SambaLab lab,
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path workload = dir.resolve("durable.json");
        Files.writeString(workload, """
                {"version":1,"metadata":{},"clients":[{"client_id":"d","operation_count":5}],"operations":[
                 {"op_id":"d1","client_id":"d","timestamp_us":0,"operation":"Open","path":"/cut.dat","mode":"ReadWrite","handle_ref":"f","extensions":{"create_disposition":"OverwriteIf","lease":{"state":"RWH","version":2},"durable":{"version":"v2","timeout_ms":60000}},"expected_status":"STATUS_SUCCESS"},
                 {"op_id":"d2","client_id":"d","timestamp_us":10000,"operation":"Write","handle_ref":"f","offset":0,"length":4096,"expected_status":"STATUS_SUCCESS"},
                 {"op_id":"d3","client_id":"d","timestamp_us":600000,"operation":"Read","handle_ref":"f","offset":0,"length":4096,"expected_status":"STATUS_SUCCESS"},
                 {"op_id":"d4","client_id":"d","timestamp_us":650000,"operation":"Close","handle_ref":"f","expected_status":"STATUS_SUCCESS"},
                 {"op_id":"d5","client_id":"d","timestamp_us":700000,"operation":"Delete","path":"/cut.dat","expected_status":"STATUS_SUCCESS"}]}
                """);
        try (SmbClient client = new SmbClient(1);
                SmbBackend backend = new SmbBackend(client, lab.host(), lab.port(), "open", ClientConfig.defaults(),
                        new NtlmCredentials(lab.user(), lab.domain(), lab.password()), dir)) {
            ReplayRunner runner = new ReplayRunner(ReplayPlan.load(workload), backend, ReplayOptions.defaults());
            // Cut once the write (d2, at 10 ms) has reached the file and before the read (d3, at 600 ms),
            // whatever the machine's load does to connection setup.
            Path cut = lab.shareDir("open").resolve("cut.dat");
            CompletableFuture.runAsync(() -> {
                try {
                    long deadline = System.nanoTime() + 30_000_000_000L;
                    while (System.nanoTime() < deadline && !(Files.exists(cut) && Files.size(cut) == 4096)) {
                        Thread.sleep(2);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                backend.treeOf(0).session().connection().channel().close();
            });
            ReplayResult result = runner.run();
            assertThat(result.statusMismatches()).as(backend.reconnects().toString()).isEmpty();
            assertThat(result.metrics().kind(OperationKind.Read).bytes()).isEqualTo(4096);
            assertThat(backend.reconnects()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("d: connection lost").contains("1 of 1 handles reclaimed (reclaimed f)"));
            ObjectNode report = ReportJson.build(result, Map.of(), backend.violations(), backend.breaks(),
                    backend.reconnects());
            assertThat(report.get("reconnects")).hasSize(1);
            assertThat(report.get("timeline").get("incidents")).singleElement().satisfies(incident -> {
                assertThat(incident.get("client").asText()).isEqualTo("d");
                assertThat(incident.get("cause").asText()).isEqualTo("connection lost");
                assertThat(incident.get("ops").findValuesAsText("op_id")).as("before the cut and after it")
                        .contains("d2", "d3");
            });
        }
        assertThat(lab.shareDir("open").resolve("cut.dat")).doesNotExist();
    }

    @Test
    void shouldStillReportWhatRanWhenStopped(SambaLab lab) throws Exception {
        // 100x slower: the quickstart's 90 ms become 9 s; stop after half a second.
        ReplayOptions slow = new ReplayOptions(100, false, 0, "backoff", Duration.ofMillis(1), Duration.ofSeconds(5));
        Run run = replay(lab, "quickstart.json", slow, Duration.ofMillis(500));
        assertThat(run.result().stopReason()).startsWith("interrupted (test)");
        assertThat(run.result().completedOperations()).isBetween(1L, 9L);
        assertThat(run.report().get("operations").get("completed").asLong())
                .isEqualTo(run.result().completedOperations());
        assertThat(run.result().elapsedNanos()).isLessThan(Duration.ofSeconds(5).toNanos());
    }
}
