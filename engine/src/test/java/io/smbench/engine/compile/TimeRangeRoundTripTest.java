package io.smbench.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smbench.engine.backend.SmbBackend;
import io.smbench.engine.backend.SmbProvisioner;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compile --time-range} end to end: a window starting at the first WRITE of an smbclient put
 * cuts through the life of the put's handle; the handle is opened at the window's start, provision
 * creates what the window expects to exist, and the replay on a fresh share gets every captured
 * status.
 */
@SambaTest
class TimeRangeRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void shouldReplayAWindowThatStartsWhileAHandleIsOpen(SambaLab lab) throws Exception {
        boolean tools = TsharkCapture.available() && Files.isExecutable(Path.of("/usr/bin/smbclient"));
        if (!tools && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("tshark and smbclient are required on CI (.ci/run installs them)");
        }
        Assumptions.assumeTrue(tools, "tshark or smbclient not installed");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        byte[] bytes = new byte[200_000];
        new java.util.Random(11).nextBytes(bytes);
        Path payload = dir.resolve("payload.bin");
        Files.write(payload, bytes);
        Path capture;
        try (TsharkCapture tshark = TsharkCapture.start(dir.resolve("capture"), lab.port())) {
            Process smbclient = new ProcessBuilder("/usr/bin/smbclient", "//" + lab.host() + "/open", "-p",
                    Integer.toString(lab.port()), "-A", lab.credentialsFile().toString(), "-m", "SMB3_11", "-c",
                    "mkdir tw; cd tw; put " + payload + " p.bin; get p.bin " + dir.resolve("back.bin")
                            + "; del p.bin; cd ..; rmdir tw").redirectErrorStream(true).start();
            String output = new String(smbclient.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(smbclient.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(smbclient.exitValue()).as(output).isZero();
            capture = tshark.stop();
        }
        CaptureCompiler.Options options = new CaptureCompiler.Options(Set.of(lab.port()), Map.of(), Set.of());
        Path all = dir.resolve("all.json");
        new CaptureCompiler(options).compile(capture, all);
        List<JsonNode> ops = TimeRangeCompileTest.operations(all);
        long firstWrite = ops.stream().filter(op -> op.get("operation").asText().equals("Write")).findFirst()
                .orElseThrow().get("timestamp_us").asLong();

        Path window = dir.resolve("window.json");
        CompileSummary summary = new CaptureCompiler(options.withWindow(new TimeWindow(firstWrite, Long.MAX_VALUE)))
                .compile(capture, window);
        assertThat(summary.openedBeforeWindow()).as(summary.format()).isPositive();
        assertThat(TimeRangeCompileTest.operations(window)).anySatisfy(op -> {
            assertThat(op.path("x_opened_before_window").asBoolean()).isTrue();
            assertThat(op.get("path").asText()).isEqualTo("/tw/p.bin");
        });
        assertThat(WorkloadValidator.validate(window).errors()).isEmpty();

        try (SmbClient client = new SmbClient(1)) {
            io.smbench.smb.client.SmbTree tree = client.connectTree(lab.host(), lab.port(), "signed",
                    ClientConfig.defaults(), new NtlmCredentials(lab.user(), lab.domain(), lab.password()))
                    .get(60, TimeUnit.SECONDS);
            SmbProvisioner.apply(ProvisionPlan.of(window), tree);
            tree.session().logoff().get(30, TimeUnit.SECONDS);
        }
        assertThat(lab.shareDir("signed").resolve("tw/p.bin")).as("provisioned: it existed at the window's start")
                .exists();
        try (SmbClient client = new SmbClient(1);
                SmbBackend backend = new SmbBackend(client, lab.host(), lab.port(), "signed", ClientConfig.defaults(),
                        new NtlmCredentials(lab.user(), lab.domain(), lab.password()), dir)) {
            ReplayResult result = new ReplayRunner(ReplayPlan.load(window), backend, ReplayOptions.defaults()).run();
            assertThat(result.completedOperations()).isEqualTo(summary.operations());
            assertThat(result.statusMismatches()).as("the window replays with the captured statuses").isEmpty();
        }
        assertThat(lab.shareDir("signed").resolve("tw")).as("the window's rmdir ran").doesNotExist();
    }
}
