package io.smbench.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.smbench.engine.backend.SmbBackend;
import io.smbench.engine.ir.ValidationReport;
import io.smbench.engine.ir.WorkloadValidator;
import io.smbench.engine.sched.ReplayOptions;
import io.smbench.engine.sched.ReplayPlan;
import io.smbench.engine.sched.ReplayResult;
import io.smbench.engine.sched.ReplayRunner;
import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.lab.wire.TsharkCapture;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's round trip: tshark records smbclient working against the Samba fixture, the capture is
 * compiled into a workload, and the workload replays against the (again empty) share with every
 * operation getting the status the capture recorded.
 */
@SambaTest
class CaptureRoundTripTest {
    @TempDir
    Path dir;

    /** smbclient at each dialect family it speaks: 2.0.2, 2.1, 3.0 and 3.1.1 (-m picks the maximum). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SMB2_02", "SMB2_10", "SMB3_00", "SMB3_11"})
    void shouldReplayACompiledSmbclientSessionWithZeroMismatches(String dialect, SambaLab lab) throws Exception {
        boolean tools = TsharkCapture.available() && Files.isExecutable(Path.of("/usr/bin/smbclient"));
        if (!tools && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("tshark, tcpreplay and smbclient are required on CI (.ci/run installs them)");
        }
        Assumptions.assumeTrue(tools, "tshark or smbclient not installed");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path payload = dir.resolve("payload.bin");
        byte[] bytes = new byte[200_000];
        new java.util.Random(6).nextBytes(bytes);
        Files.write(payload, bytes);

        Path capture;
        try (TsharkCapture tshark = TsharkCapture.start(dir.resolve("capture"), lab.port())) {
            Process smbclient = new ProcessBuilder("/usr/bin/smbclient", "//" + lab.host() + "/open", "-p",
                    Integer.toString(lab.port()), "-A", lab.credentialsFile().toString(), "-m", dialect, "-c",
                    "mkdir rt; cd rt; put " + payload + " p.bin; get p.bin " + dir.resolve("back.bin")
                            + "; rename p.bin q.bin; ls; del q.bin; cd ..; rmdir rt")
                    .redirectErrorStream(true).start();
            String output = new String(smbclient.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(smbclient.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(smbclient.exitValue()).as(output).isZero();
            capture = tshark.stop();
        }
        assertThat(Files.readAllBytes(dir.resolve("back.bin"))).isEqualTo(bytes);

        Path workload = dir.resolve("compiled.json");
        CompileSummary summary = new CaptureCompiler(new CaptureCompiler.Options(Set.of(lab.port()), Map.of(), Set.of()))
                .compile(capture, workload);
        assertThat(summary.connections()).isEqualTo(1);
        assertThat(summary.operations()).as(summary.format()).isGreaterThan(20);
        assertThat(summary.sessionLevel()).containsKeys("NEGOTIATE", "SESSION_SETUP", "TREE_CONNECT");
        ValidationReport report = WorkloadValidator.validate(workload);
        assertThat(report.errors()).isEmpty();
        com.fasterxml.jackson.databind.JsonNode compiled = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(workload.toFile());
        assertThat(compiled.get("operations")).as("every operation keeps its captured response time")
                .allSatisfy(op -> assertThat(op.path("captured_latency_us").asLong(-1)).isNotNegative());
        assertThat(lab.shareDir("open").resolve("rt")).as("smbclient cleaned up: the share is empty again")
                .doesNotExist();

        try (SmbClient client = new SmbClient(1);
                SmbBackend backend = new SmbBackend(client, lab.host(), lab.port(), "open", ClientConfig.defaults(),
                        new NtlmCredentials(lab.user(), lab.domain(), lab.password()), dir)) {
            ReplayRunner runner = new ReplayRunner(ReplayPlan.load(workload), backend, ReplayOptions.defaults());
            runner.recordOperations(true);
            ReplayResult result = runner.run();
            assertThat(result.completedOperations()).isEqualTo(summary.operations());
            Path opLog = dir.resolve("ops.csv");
            runner.operationLog().write(opLog);
            String timing = io.smbench.engine.report.TimingAnalysis.read(opLog).format();
            assertThat(timing).as("capture against replay, per client").contains("all clients")
                    .contains("Latency grew most");
            assertThat(result.statusMismatches()).as("op by op, the replay gets the captured statuses").isEmpty();
            assertThat(backend.violations()).isEmpty();
            assertThat(result.leakedHandles()).isEmpty();
        }
        assertThat(lab.shareDir("open").resolve("rt")).doesNotExist();
    }
}
