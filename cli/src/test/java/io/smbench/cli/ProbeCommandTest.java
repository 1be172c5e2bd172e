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

/** {@code smbench probe} against the lab Samba. */
@SambaTest
class ProbeCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Smbench.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    private String passwordFile(SambaLab lab) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, new String(lab.password()) + "\n");
        return file.toString();
    }

    @Test
    void shouldPrintJsonWithNegotiatedValues(SambaLab lab) throws Exception {
        Run run = run("probe", "--server", lab.host(), "--port", Integer.toString(lab.port()), "--share", "open",
                "--user", lab.user(), "--password-file", passwordFile(lab), "--dialect", "3.1.1", "--encrypt",
                "--cipher", "AES-256-GCM", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("dialect").asText()).isEqualTo("3.1.1");
        assertThat(json.get("cipher").asText()).isEqualTo("AES-256-GCM");
        assertThat(json.get("encryption").asBoolean()).isTrue();
        assertThat(json.get("max_read_size").asLong()).isPositive();
        assertThat(json.get("steps")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(run.out() + run.err()).doesNotContain(new String(lab.password()));
    }

    @Test
    void shouldPrintTableWithSigning(SambaLab lab) throws Exception {
        Run run = run("probe", "--server", lab.host(), "--port", Integer.toString(lab.port()), "--share", "open",
                "--user", lab.user(), "--password-file", passwordFile(lab), "--dialect", "3.0.2", "--sign");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("dialect", "3.0.2", "AES-CMAC", "validate negotiate", "tree connect");
    }

    @Test
    void shouldExitOneWithLogonFailureMessage(SambaLab lab) throws Exception {
        Path wrong = dir.resolve("wrong");
        Files.writeString(wrong, "nope");
        Run run = run("probe", "--server", lab.host(), "--port", Integer.toString(lab.port()), "--share", "open",
                "--user", lab.user(), "--password-file", wrong.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("STATUS_LOGON_FAILURE", "wrong");
    }

    @Test
    void shouldRejectUnknownCipherAsUsageError(SambaLab lab) throws Exception {
        Run run = run("probe", "--server", lab.host(), "--port", Integer.toString(lab.port()), "--user", lab.user(),
                "--password-file", passwordFile(lab), "--cipher", "ROT13");
        assertThat(run.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("ROT13");
    }
}
