package io.smbench.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.lab.wire.TsharkCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture of another client compiles: Debian's Impacket (python3-impacket) puts, gets, lists and
 * deletes a file over SMB 3.0, which it encrypts by itself (MS-SMB2 3.1.4.3); the compiler reads
 * the traffic only with the session key Impacket reports, and the workload holds Impacket's
 * operations with their statuses.
 */
@SambaTest
class ImpacketCaptureTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    private static boolean impacketInstalled() throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import impacket").redirectErrorStream(true).start();
        return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }

    /** Runs the Impacket script; returns its "SESSION id key" line. */
    private String runImpacket(SambaLab lab, String share) throws Exception {
        Path script = dir.resolve("put_get.py");
        try (var in = getClass().getResourceAsStream("/impacket/put_get.py")) {
            Files.copy(in, script);
        }
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), script.toString(), lab.host(),
                Integer.toString(lab.port()), share, lab.user(), lab.domain(), "0x0300").redirectErrorStream(true);
        builder.environment().put("SMBENCH_PASSWORD", new String(lab.password()));
        Process impacket = builder.start();
        String output = new String(impacket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(impacket.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(impacket.exitValue()).as(output).isZero();
        return output.lines().filter(l -> l.startsWith("SESSION ")).findFirst().orElseThrow();
    }

    @Test
    void shouldCompileImpacketsEncryptedSmb30CaptureWithItsSessionKey(SambaLab lab) throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!TsharkCapture.available() || !impacketInstalled()) {
            Assumptions.assumeTrue(ci, "tshark or python3-impacket not installed");
            throw new AssertionError("tshark and python3-impacket are required on CI (.ci/run installs them)");
        }
        Path capture;
        String[] session;
        try (TsharkCapture tshark = TsharkCapture.start(dir, lab.port())) {
            session = runImpacket(lab, "open").split(" ");
            capture = tshark.stop();
        }
        String key = session[1] + "," + session[2];

        CompileSummary blind = new CaptureCompiler(new CaptureCompiler.Options(Set.of(lab.port()), Map.of(), Set.of()))
                .compile(capture, dir.resolve("blind.json"));
        assertThat(blind.encryptedMessages()).as("Impacket encrypts SMB 3.0 by itself").isPositive();
        assertThat(blind.operations()).isZero();

        Path workload = dir.resolve("impacket.json");
        CompileSummary summary = new CaptureCompiler(new CaptureCompiler.Options(Set.of(lab.port()), Map.of(), Set.of(),
                SessionKeyTable.parse(List.of(key)))).compile(capture, workload);
        assertThat(summary.encryptedMessages()).as(summary.format()).isZero();
        assertThat(summary.decryptedMessages()).isEqualTo(blind.encryptedMessages());

        JsonNode ops = new ObjectMapper().readTree(workload.toFile()).get("operations");
        List<String> kinds = new ArrayList<>();
        ops.forEach(op -> kinds.add(op.get("operation").asText()));
        assertThat(kinds).contains("Open", "Write", "Read", "Close", "QueryDirectory");
        long written = 0;
        long read = 0;
        for (JsonNode op : ops) {
            if (op.get("operation").asText().equals("Write")) {
                written += op.get("length").asLong();
            } else if (op.get("operation").asText().equals("Read")) {
                read += op.get("length").asLong();
            }
        }
        assertThat(written).as("the 16 KiB Impacket put").isEqualTo(16_384);
        assertThat(read).as("Impacket's get asks for at least the file").isGreaterThanOrEqualTo(16_384);
        assertThat(summary.format()).contains("operations");
    }
}
