package io.smbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code smbench compile}'s options, on the engine's vendored test capture. */
class CompileCommandTest {
    private static final String CAPTURE = "../engine/src/test/resources/captures/zeek-smb2.pcap";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Smbench.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void shouldCompileATimeRangeIntoAValidWorkload() {
        int code = run("compile", CAPTURE, "-o", dir.resolve("w.json").toString(), "--time-range", "0.145..0.2");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("opened before the window").contains("valid IR v1 workload");
    }

    @Test
    void shouldSaveWriteDataBesideTheWorkloadWithExtractData() throws Exception {
        int code = run("compile", CAPTURE, "-o", dir.resolve("w.json").toString(), "--extract-data");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("saved the data of 24 writes").contains("valid IR v1 workload");
        try (var blobs = java.nio.file.Files.list(dir.resolve("w.blobs/conn001"))) {
            assertThat(blobs.count()).isEqualTo(24);
        }
    }

    @Test
    void shouldCompileByUserAndRejectAnUnknownKindOfClient() {
        int code = run("compile", CAPTURE, "-o", dir.resolve("w.json").toString(), "--clients-by", "user");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("valid IR v1 workload");
        code = run("compile", CAPTURE, "-o", dir.resolve("w.json").toString(), "--clients-by", "host");
        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--clients-by: 'host' is not one of connection, session, user");
    }

    @Test
    void shouldRejectAMalformedTimeRangeWithExitTwo() {
        int code = run("compile", CAPTURE, "-o", dir.resolve("w.json").toString(), "--time-range", "5..abc");
        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--time-range").contains("TO 'abc'");
    }
}
