package io.smbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code smbench replay} as a user runs it, against the lab Samba. */
@SambaTest
class ReplayAgainstLabTest {
    @TempDir
    Path dir;

    @Test
    void shouldReplayQuickstartWriteTheReportAndPassStrictChecks(SambaLab lab) throws Exception {
        Path password = dir.resolve("pw");
        Files.writeString(password, new String(lab.password()));
        Path report = dir.resolve("out/report.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Smbench.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute("replay", "../examples/quickstart.json", "--server", lab.host(), "--port",
                Integer.toString(lab.port()), "--share", "open", "--user", lab.user(), "--password-file",
                password.toString(), "--report", report.toString(), "--strict");
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("replay completed: 10 of 10 operations", "0 order violations");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("report_version").asInt()).isEqualTo(1);
        assertThat(json.get("operations").get("completed").asInt()).isEqualTo(10);
        assertThat(json.get("run").get("server").asText()).isEqualTo(lab.host() + ":" + lab.port());
        assertThat(json.get("by_kind").get("Rename").get("latency_us").get("p99").asLong()).isPositive();
        assertThat(Files.readString(report)).doesNotContain(new String(lab.password()));
    }

    @Test
    void shouldShareConnectionsAmongScaledUsers(SambaLab lab) throws Exception {
        Path password = dir.resolve("pw");
        Files.writeString(password, new String(lab.password()));
        Path report = dir.resolve("shared.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Smbench.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute("replay", "../examples/quickstart.json", "--server", lab.host(), "--port",
                Integer.toString(lab.port()), "--share", "open", "--user", lab.user(), "--password-file",
                password.toString(), "--scale", "25", "--ramp-up", "0.2", "--clients-per-connection", "10",
                "--report", report.toString(), "--strict");
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("replay completed: 250 of 250 operations", "0 order violations",
                "connections: 3 (up to 10 clients each), 3 opened in all");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("run").get("clients_per_connection").asInt()).isEqualTo(10);
        assertThat(json.get("operations").get("errors").asInt()).isZero();
    }

    @Test
    void shouldRejectZeroClientsPerConnection(SambaLab lab) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Smbench.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute("replay", "../examples/quickstart.json", "--server", lab.host(), "--port",
                Integer.toString(lab.port()), "--share", "open", "--user", lab.user(), "--clients-per-connection", "0");
        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--clients-per-connection must be at least 1, was 0");
    }

    @Test
    void shouldExitThreeUnderStrictWhenExpectedStatusesDiffer(SambaLab lab) throws Exception {
        // The oplock example expects /shared to exist; on an empty share its opens fail.
        Path password = dir.resolve("pw");
        Files.writeString(password, new String(lab.password()));
        StringWriter out = new StringWriter();
        CommandLine commandLine = Smbench.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        int code = commandLine.execute("replay", "../examples/oplock-break.json", "--server", lab.host(), "--port",
                Integer.toString(lab.port()), "--share", "encrypted", "--user", lab.user(), "--password-file",
                password.toString(), "--strict");
        assertThat(code).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(out.toString()).contains("a_01: server answered STATUS_OBJECT_PATH_NOT_FOUND where the workload "
                + "expected STATUS_SUCCESS");
    }
}
