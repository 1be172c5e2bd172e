package io.smbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {
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

    private Path workload(String json) throws Exception {
        Path file = dir.resolve("w.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void shouldValidateQuickstartExampleAndPrintSummary() {
        int code = run("replay", "../examples/quickstart.json", "--validate-only");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("valid").contains("Open").contains("Close");
    }

    @Test
    void shouldExitTwoAndPrintEveryErrorWithOpId() throws Exception {
        Path file = workload("""
                {"version":1,"metadata":{"source":"manual"},
                 "clients":[{"client_id":"c1","operation_count":3}],
                 "operations":[
                  {"op_id":"op_1","client_id":"c1","timestamp_us":100,"operation":"Open","path":"/a","mode":"Read","handle_ref":"h1"},
                  {"op_id":"op_2","client_id":"c1","timestamp_us":50,"operation":"Read","handle_ref":"h1","offset":-4,"length":10},
                  {"op_id":"op_3","client_id":"ghost","timestamp_us":200,"operation":"Teleport"}]}
                """);
        int code = run("replay", file.toString(), "--validate-only");
        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        String errors = err.toString();
        assertThat(errors).contains("op_2").contains("offset").contains("op_3").contains("Teleport").contains("ghost");
        assertThat(errors.lines().filter(l -> l.startsWith("error: ")).count()).isGreaterThanOrEqualTo(4);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldExitTwoForMissingFile() {
        int code = run("replay", dir.resolve("nope.json").toString(), "--validate-only");
        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("not found");
    }

    @Test
    void shouldRejectNonPositiveTimeScale() throws Exception {
        int code = run("replay", "../examples/quickstart.json", "--validate-only", "--time-scale", "0");
        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--time-scale");
    }

    @Test
    void shouldDocumentEveryReplayOptionInHelp() {
        int code = run("replay", "--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("--validate-only", "--server", "--port", "--share", "--user", "--domain",
                "--password-file", "--pass", "--time-scale", "SMBENCH_PASSWORD", "Exit codes");
    }

    @Test
    void shouldListCommandsInTopLevelHelp() {
        int code = run("--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("replay", "lab", "Exit codes");
    }
}
